// Panel and API on different origins: one simulator only hosts a re-based copy of the build,
// another is the API, told (--allow-origin) to accept calls from the panel's origin alone.
// config.json holds the API's absolute URL and the CSP's connect-src names that origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  browser, configureDist, copyOfDist, expectProblems, newPage, screenshot, signIn, startSimulator, useBrowser,
} from "./harness.mjs";
import { freePort } from "./net.mjs";

const API_TOKEN = "cross-origin-token";
let host, api, stranger, dist, strangerDist;

useBrowser({ reset: false });
before(async () => {
  ({ dist } = copyOfDist());
  ({ dist: strangerDist } = copyOfDist());
  host = await startSimulator(["--dist", dist, "--token", "not-the-api-token"]);
  stranger = await startSimulator(["--dist", strangerDist, "--token", "not-the-api-token"]);
  api = await startSimulator(["--token", API_TOKEN, "--page-size", "2", "--allow-origin", new URL(host.url).origin]);
  for (const copy of [dist, strangerDist]) {
    const configured = configureDist([copy, "--base-path", "/", "--api-base", `${api.url}api/v1`]);
    assert.equal(configured.code, 0, configured.output);
  }
});
after(async () => {
  for (const server of [host, api, stranger]) server?.stop();
});

test("a panel on another origin signs in and works; its token goes to the API origin only", async () => {
  const policy = readFileSync(join(dist, "index.html"), "utf8").match(/Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(policy, new RegExp(`connect-src 'self' ${new URL(api.url).origin};`));

  const page = await newPage(browser);
  const authorized = [];
  page.on("request", (request) => {
    if (request.headers().authorization) authorized.push(new URL(request.url()).origin);
  });
  await page.goto(`${host.url}servers`);
  await signIn(page, { token: API_TOKEN });
  await page.getByText("6 of 6 servers shown").waitFor();
  await page.getByRole("link", { name: "web-server-01" }).click();
  await page.getByText("2 of 5 snapshots used").waitFor();

  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog.getByLabel("Name").fill("cross-origin-made");
  await dialog.getByRole("button", { name: "Create snapshot" }).click();
  await page.getByText("3 of 5 snapshots used").waitFor();

  assert.ok(authorized.length >= 4, "account, lists and the create were sent with the token");
  assert.deepEqual([...new Set(authorized)], [new URL(api.url).origin]);
  await page.context().close();
});

test("a panel on an origin the API was not told about is told so: the origin to add, and Details", async () => {
  const page = await newPage(browser);
  await page.goto(`${stranger.url}sign-in`);
  const apiBase = `${api.url}api/v1`;
  await page.getByText(`API: ${apiBase}`).waitFor();
  await page.getByLabel("API token", { exact: true }).fill(API_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  const strangerOrigin = new URL(stranger.url).origin;
  const message = page.getByRole("alert").filter({ hasText: "Could not check the token" });
  await message.getByText(`The API at ${apiBase} does not allow requests from this page (origin ${strangerOrigin}). ` +
    "Add this origin to its CORS allow-list, or serve the panel and the API from one origin").waitFor();
  await message.getByRole("button", { name: "Retry" }).waitFor();
  await message.getByText("Details").click();
  await message.getByText(/TypeError: Failed to fetch/).waitFor();
  assert.equal(await message.locator("dd").nth(0).innerText(), apiBase);
  assert.equal(await message.locator("dd").nth(1).innerText(), strangerOrigin);
  await screenshot(page, "connection-refused-origin");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("vps-panel.token")), null);
  // Chromium reports the refused preflight on the console: that is the expected outcome here.
  expectProblems(page, [/CORS policy|Failed to load resource|ERR_FAILED/]);
  await page.context().close();
});

test("in Bengali: the refused origin, in Bengali", async () => {
  const page = await newPage(browser, { locale: "bn-BD" });
  await page.goto(`${stranger.url}sign-in`);
  await page.getByLabel("API টোকেন", { exact: true }).fill(API_TOKEN);
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  await page.getByText(/এই পাতা \(অরিজিন http:\/\/127\.0\.0\.1:\d+\) থেকে অনুরোধ গ্রহণ করে না/).waitFor();
  await page.getByText("বিস্তারিত").click();
  await screenshot(page, "bn-connection-refused-origin");
  expectProblems(page, [/CORS policy|Failed to load resource|ERR_FAILED/]);
  await page.context().close();
});

test("nothing answering at api_base says config.json may be wrong, and shows the address", async () => {
  const { dist: wrongDist } = copyOfDist();
  const closed = await freePort();
  const wrongBase = `http://127.0.0.1:${closed}/api/v1`;
  assert.equal(configureDist([wrongDist, "--base-path", "/", "--api-base", wrongBase]).code, 0);
  const host = await startSimulator(["--dist", wrongDist, "--token", "unused"]);
  try {
    const page = await newPage(browser);
    await page.goto(`${host.url}sign-in`);
    await page.getByText(`API: ${wrongBase}`).waitFor();
    await page.getByLabel("API token", { exact: true }).fill(API_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(`Nothing answers at the API address ${wrongBase}. The API may be down, or api_base in config.json may be wrong.`).waitFor();
    await page.getByText("Details").click();
    await screenshot(page, "connection-nothing-answers");
    expectProblems(page, [/ERR_CONNECTION_REFUSED|Failed to load resource/]);
    await page.context().close();
  } finally {
    host.stop();
  }
});

test("offline: said so, and the list loads by itself once the browser is back online", async () => {
  const page = await newPage(browser);
  await page.goto(`${host.url}servers`);
  await signIn(page, { token: API_TOKEN });
  await page.getByText("6 of 6 servers shown").waitFor();
  // The snapshots page's code arrives while online; then the connection goes.
  await page.getByRole("link", { name: "Snapshots" }).click();
  await page.getByRole("table", { name: "All snapshots" }).waitFor();
  await page.context().setOffline(true);
  await page.getByRole("link", { name: "Servers" }).click();
  // The servers and the snapshot counts both failed: each panel says why.
  const panel = page.locator(".error-panel", { hasText: "Could not load servers" });
  await panel.getByText("This browser is offline. The panel tries again as soon as it is back online.").waitFor();
  await panel.getByRole("button", { name: "Retry" }).waitFor();
  await screenshot(page, "connection-offline");
  await page.context().setOffline(false);
  await page.getByText("6 of 6 servers shown").waitFor();
  await page.locator(".error-panel").waitFor({ state: "detached", timeout: 5_000 }).catch(() => {});
  assert.deepEqual(await page.locator(".error-panel").allInnerTexts(), [], "the errors went away by themselves");
  expectProblems(page, [/ERR_INTERNET_DISCONNECTED|Failed to load resource/]);
  await page.context().close();
});
