// The read side against the simulator: sign-in, servers, server page, snapshots, errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HTTP_ERROR_LOGS, TOKEN, api, apiRequests, browser, expectProblems, newPage, openSignedIn, screenshot, setFaults, setToken, signIn, storedToken, url, useBrowser,
} from "./harness.mjs";

useBrowser();

test("a rejected token is refused with nothing stored, then a good one signs in", async () => {
  const page = await newPage(browser);
  await page.goto(url("/"));
  await page.waitForURL(/\/sign-in/);
  const field = page.getByLabel("API token", { exact: true });
  assert.equal(await field.getAttribute("type"), "password");
  await page.getByRole("button", { name: "Show token" }).click();
  assert.equal(await field.getAttribute("type"), "text");

  await field.fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("That token was not accepted").waitFor();
  assert.equal(await storedToken(page), null);
  assert.equal(await field.inputValue(), "not-the-token", "what was typed is kept");

  await signIn(page);
  assert.equal(await storedToken(page), TOKEN);
  const banner = page.getByRole("banner");
  await banner.getByText("Dana Okafor").waitFor();
  await banner.getByText("Token: Local simulator token").waitFor();
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("the servers list shows every column and the snapshot quota of each server", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  const table = page.getByRole("table", { name: "Servers" });
  await table.waitFor();
  // The first API page shows at once; count once every page is in.
  await page.getByText("6 of 6 servers shown").waitFor();
  assert.equal(await table.locator("tbody tr:not([hidden])").count(), 6);
  const db = table.locator("tr", { has: page.getByRole("link", { name: "db-primary" }) });
  assert.match(await db.innerText(), /active/);
  assert.match(await db.innerText(), /us-east/);
  assert.match(await db.innerText(), /203\.0\.113\.20/);
  assert.match(await db.innerText(), /4 vCPUs · 8 GB RAM · 160 GB disk/);
  assert.match(await db.innerText(), /Debian 12/);
  // The quota comes from the snapshots list, which may still be on its way ("—" until then).
  await db.getByText("5 of 5").waitFor();
  const runner = table.locator("tr", { has: page.getByRole("link", { name: "build-runner" }) });
  assert.match(await runner.innerText(), /maintenance/, "an undocumented status is shown as text");
  const requests = await apiRequests();
  assert.ok(requests.includes("GET /api/v1/snapshots/"), "one unfiltered snapshots request");
  await page.context().close();
});

test("the status filter is sent to the API and kept in the URL; sorting sets aria-sort", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  await page.getByRole("table", { name: "Servers" }).waitFor();
  await page.getByLabel("Status").selectOption("stopped");
  await page.waitForURL(/status=stopped/);
  const rows = page.getByRole("table", { name: "Servers" }).locator("tbody tr:not([hidden])");
  await page.waitForFunction(() => document.querySelectorAll("tbody tr:not([hidden])").length === 1);
  assert.match(await rows.first().innerText(), /staging-app/);
  assert.ok((await apiRequests()).includes("GET /api/v1/servers/?status=stopped"));

  await page.getByLabel("Status").selectOption("");
  await page.getByRole("button", { name: "IP address" }).click();
  await page.waitForURL(/sort=ip/);
  const header = page.getByRole("columnheader", { name: "IP address" });
  assert.equal(await header.getAttribute("aria-sort"), "ascending");
  await page.getByRole("button", { name: "IP address" }).click();
  await page.waitForURL(/dir=desc/);
  assert.equal(await header.getAttribute("aria-sort"), "descending");

  await page.getByLabel("Search").fill("zzz-no-such");
  await page.getByText("No servers match these filters.").waitFor();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForFunction(() => document.querySelectorAll("tbody tr:not([hidden])").length === 6);
  await page.context().close();
});

test("a server page shows its summary and snapshots, and survives a reload", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  // Once every page is in: while the list still arrives, rows take their sorted places.
  await page.getByText("6 of 6 servers shown").waitFor();
  await page.getByRole("link", { name: "web-server-01" }).click();
  await page.waitForURL(/\/servers\/12345$/);
  await page.getByRole("heading", { name: "web-server-01" }).waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();
  const table = page.getByRole("table", { name: "Snapshots of this server" });
  assert.match(await table.innerText(), /pre-migration-snapshot/);
  assert.match(await table.innerText(), /5\.0 GB/);
  assert.match(await table.innerText(), /15 Jan 2025, 18:30 UTC/);
  assert.ok((await apiRequests()).includes("GET /api/v1/snapshots/?server_id=12345"));

  await page.reload();
  await page.getByRole("heading", { name: "web-server-01" }).waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();
  assert.equal(await storedToken(page), TOKEN);
  await page.context().close();
});

test("an unknown server id gets a not-found page with a way back", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/99999");
  await page.getByRole("heading", { name: "Server not found" }).waitFor();
  await page.getByRole("link", { name: "Back to servers" }).click();
  await page.waitForURL(/\/servers$/);
  await page.context().close();
});

test("the snapshots page filters by server in the URL and the request", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/snapshots");
  const table = page.getByRole("table", { name: "All snapshots" });
  await table.waitFor();
  // The first API page shows at once; count once every page is in.
  await page.waitForFunction(() => !document.body.textContent.includes("the list is not complete yet"));
  assert.ok((await table.locator("tbody tr").count()) >= 9);
  await page.getByLabel("Server").selectOption({ label: "db-primary" });
  await page.waitForURL(/server_id=12346/);
  await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 5);
  assert.ok((await apiRequests()).includes("GET /api/v1/snapshots/?server_id=12346"));
  await table.getByRole("link", { name: "db-primary" }).first().click();
  await page.waitForURL(/\/servers\/12346$/);
  await page.getByText("5 of 5 snapshots used").waitFor();
  await page.context().close();
});

test("a revoked token returns to sign-in, clears storage, and sign-in returns to the page", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12345");
  await page.getByText("2 of 5 snapshots used").waitFor();
  await setToken("rotated-token");
  await page.reload();
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByText("Your session ended or the token was revoked").waitFor();
  assert.equal(await storedToken(page), null);
  await signIn(page, { token: "rotated-token", landing: /\/servers\/12345$/ });
  await page.getByText("2 of 5 snapshots used").waitFor();
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("signing out clears the session, and a new tab asks to sign in", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  const other = await page.context().newPage();
  await other.goto(url("/servers"));
  await other.waitForURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByText("You have signed out.").waitFor();
  assert.equal(await storedToken(page), null);
  await page.context().close();
});

test("on a server page, Retry after a failed load loads again (and is not cancelled by its own button)", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  await page.getByText("6 of 6 servers shown").waitFor();
  // The server's snapshots fail once, then its summary (the servers list) fails once.
  await setFaults({ error_rate: 1, mode: "http-500", count: 1, path_contains: "server_id=12345" });
  await page.getByRole("link", { name: "web-server-01" }).click();
  const snapshots = page.getByRole("alert").filter({ hasText: "Could not load snapshots" });
  await snapshots.waitFor();
  await snapshots.getByRole("button", { name: "Retry" }).click();
  await page.getByText("2 of 5 snapshots used").waitFor();
  assert.equal(await page.getByText("The request was cancelled.").count(), 0);

  await setFaults({ error_rate: 1, mode: "http-500", count: 1, path_contains: "/servers/" });
  await page.reload();
  const server = page.getByRole("alert").filter({ hasText: "Could not load this server" });
  await server.waitFor();
  await server.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("heading", { level: 1, name: "web-server-01" }).waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("a malformed response shows an alert with the reason, and Retry recovers", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/snapshots");
  await page.getByRole("table", { name: "All snapshots" }).waitFor();
  // The fault is for the next request, not for a later page of the list still arriving.
  await page.waitForFunction(() => !document.body.textContent.includes("the list is not complete yet"));
  await setFaults({ error_rate: 1, mode: "malformed-json", count: 1 });
  await page.getByLabel("Server").selectOption({ label: "web-server-01" });
  const alert = page.getByRole("alert").filter({ hasText: "Could not load snapshots" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not read/);
  await screenshot(page, "error-malformed");
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("table", { name: "All snapshots" }).waitFor();
  assert.equal(await page.getByRole("alert").filter({ hasText: "Could not load" }).count(), 0);

  await setFaults({ error_rate: 1, mode: "html-502", count: 1 });
  await page.getByRole("link", { name: "Servers", exact: true }).click();
  const proxy = page.getByRole("alert").filter({ hasText: "HTTP 502 Bad Gateway" });
  await proxy.first().waitFor();
  await proxy.first().getByRole("button", { name: "Retry" }).click();
  await page.getByRole("table", { name: "Servers" }).waitFor();
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("the servers and snapshots lists refresh themselves while work is in flight", async () => {
  const page = await newPage(browser);
  assert.equal((await api("snapshots/801/restore/", { method: "POST" })).status, 200);
  await openSignedIn(page, "/servers");
  // Once every page is in: while the list still arrives, rows move to their sorted place.
  await page.getByText("6 of 6 servers shown").waitFor();
  const web = page.locator("tr[data-server-id='12345']");
  await web.locator("[data-status=restoring]").waitFor();
  await web.getByRole("link", { name: "web-server-01" }).focus();
  await web.locator("[data-status=active]").waitFor({ timeout: 12_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "web-server-01", "focus kept");

  assert.equal((await api("snapshots/", { method: "POST", body: { server_id: 12350, name: "list-live" } })).status, 201);
  await page.getByRole("link", { name: "Snapshots", exact: true }).click();
  const fresh = page.getByRole("table", { name: "All snapshots" }).locator("tr", { hasText: "list-live" });
  await fresh.locator("[data-status=in_progress]").waitFor();
  await fresh.locator("[data-status=completed]").waitFor({ timeout: 12_000 });
  await page.context().close();
});

test("moving between two servers' pages (same route, new id) shows each server's own page", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12345");
  await page.getByText("2 of 5 snapshots used").waitFor();
  // What back/forward between two server pages does: a new URL on the same route.
  await page.evaluate(() => {
    history.pushState(null, "", "/servers/12346");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.getByRole("heading", { name: "db-primary" }).waitFor();
  await page.getByText("5 of 5 snapshots used").waitFor();
  await page.goBack();
  await page.getByRole("heading", { name: "web-server-01" }).waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();
  await page.context().close();
});
