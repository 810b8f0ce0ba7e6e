// Panel and API on different origins: one simulator only hosts a re-based copy of the build,
// another is the API, told (--allow-origin) to accept calls from the panel's origin alone.
// config.json holds the API's absolute URL and the CSP's connect-src names that origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  browser, configureDist, copyOfDist, expectProblems, newPage, signIn, startSimulator, useBrowser,
} from "./harness.mjs";

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

test("a panel on an origin the API was not told about is refused by CORS, with a clear message", async () => {
  const page = await newPage(browser);
  await page.goto(`${stranger.url}sign-in`);
  await page.getByLabel("API token", { exact: true }).fill(API_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "Could not check the token" }).waitFor();
  await page.getByRole("button", { name: "Retry" }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("vps-panel.token")), null);
  // Chromium reports the refused preflight on the console: that is the expected outcome here.
  expectProblems(page, [/CORS policy|Failed to load resource|ERR_FAILED/]);
  await page.context().close();
});
