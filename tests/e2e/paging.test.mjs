// Long lists from a paginated API: complete lists with progress, the table's own pages, an
// honest notice at the page cap, and an error (with Retry) when a later page fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HTTP_ERROR_LOGS, browser, expectProblems, newPage, screenshot, signIn, startSimulator, useBrowser,
} from "./harness.mjs";

const TOKEN = "paging-token";
useBrowser({ reset: false });

async function signedIn(sim, path = "servers") {
  const page = await newPage(browser);
  await page.goto(`${sim.url}${path}`);
  await signIn(page, { token: TOKEN });
  return page;
}

test("126 servers in pages of 25: the first page at once with progress, then every server, 50 rows a page", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "25", "--servers", "120", "--latency-ms", "300"]);
  try {
    const page = await signedIn(sim);
    // The first API page is on screen at once, said to be incomplete, while the rest arrives.
    await page.getByText("25 of the first 25 servers shown; the list is not complete yet").waitFor();
    await page.getByRole("status").filter({ hasText: /Loading the rest of the servers… \d+ of 126/ }).waitFor();
    assert.equal(await page.locator("table tbody tr:not([hidden])").count(), 25);
    assert.equal(await page.getByText("No servers match").count(), 0);
    await screenshot(page, "servers-first-page-while-loading");
    await page.getByText("Showing 1–50 of 126 matching servers (126 in all)").waitFor();
    assert.equal(await page.locator("table tbody tr:not([hidden])").count(), 50);
    const pager = page.getByRole("navigation", { name: "Pages of servers" });
    assert.ok(await pager.getByRole("button", { name: "Previous page" }).isDisabled());
    await pager.getByRole("button", { name: "Next page" }).click();
    await pager.getByRole("button", { name: "Next page" }).click();
    await page.getByText("Showing 101–126 of 126 matching servers").waitFor();
    assert.equal(await page.locator("table tbody tr:not([hidden])").count(), 26);
    await screenshot(page, "servers-last-table-page");
    assert.ok(await pager.getByRole("button", { name: "Next page" }).isDisabled());
    // A server from the last API page is found by search, and a search starts at page 1.
    await page.getByLabel("Search").fill("bulk-000120");
    await page.getByText("1 of 126 servers shown").waitFor();
    await page.getByRole("link", { name: "bulk-000120" }).waitFor();
    assert.equal(await pager.count(), 0);
    // Every server's "N of 5" counts snapshots from every page of the snapshot list.
    await page.getByLabel("Search").fill("db-primary");
    await page.locator("tr", { hasText: "db-primary" }).getByText("5 of 5").waitFor();
    await page.context().close();
  } finally {
    sim.stop();
  }
});

test("the snapshots page shows its first API page at once, marked incomplete, then every snapshot", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "3", "--latency-ms", "400"]);
  try {
    const total = await fetch(`${sim.url}api/v1/snapshots/`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      .then((r) => r.json()).then((body) => body.count);
    assert.ok(total > 6, `enough snapshots for several pages (${total})`);
    const page = await newPage(browser);
    await page.goto(`${sim.url}snapshots`);
    await signIn(page, { token: TOKEN, landing: (u) => u.pathname === "/snapshots" });
    await page.getByText("The first 3 snapshots are shown; the list is not complete yet.").waitFor();
    await page.getByRole("status").filter({ hasText: new RegExp(`Loading the rest of the snapshots… \\d+ of ${total}`) }).waitFor();
    assert.equal(await page.getByRole("table", { name: "All snapshots" }).locator("tbody tr").count(), 3);
    await screenshot(page, "snapshots-first-page-while-loading");
    // Complete: every snapshot, and the notice gone.
    await page.waitForFunction((n) => document.querySelectorAll("tbody tr").length === n, total, { timeout: 30_000 });
    assert.equal(await page.getByText("the list is not complete yet").count(), 0);
    await page.context().close();
  } finally {
    sim.stop();
  }
});

test("past 100 API pages the list stops and says how much it shows", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "2", "--servers", "250"]);
  try {
    const page = await signedIn(sim);
    await page.getByText("Showing 200 of 256 servers.").waitFor({ timeout: 30_000 });
    await page.getByText("(200 in all)").waitFor();
    await page.context().close();
  } finally {
    sim.stop();
  }
});

test("a failure on a later page shows the error with Retry, never a partial list", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "2", "--control"]);
  try {
    const page = await newPage(browser);
    await page.goto(`${sim.url}servers`);
    await signIn(page, { token: TOKEN });
    await page.getByText("6 of 6 servers shown").waitFor();
    // From now on every request for page 3 fails; reload and watch the list.
    await fetch(`${sim.url}__devapi/faults`, {
      method: "PUT", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ error_rate: 1, mode: "http-500", path_contains: "page=3" }),
    }).then((r) => assert.equal(r.status, 204, "fault set"));
    await page.reload();
    const failed = page.getByText("Could not load servers");
    await failed.waitFor();
    assert.equal(await page.locator("table").count(), 0, "no partial table");
    await fetch(`${sim.url}__devapi/faults`, {
      method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error_rate: 0 }),
    });
    await page.locator(".error-panel", { hasText: "Could not load servers" }).getByRole("button", { name: "Retry" }).click();
    await page.getByText("6 of 6 servers shown").waitFor();
    expectProblems(page, HTTP_ERROR_LOGS);
    await page.context().close();
  } finally {
    sim.stop();
  }
});
