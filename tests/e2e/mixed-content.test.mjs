// An https page with a plain-http API: browsers block such requests (mixed content), and the
// panel says so instead of blaming the connection. The panel is served over https by a small
// server with a throw-away certificate; the API's host name is not a loopback one, so Chromium
// treats it as it would a real host (it lets loopback addresses through).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:https";
import { extname, join } from "node:path";
import { chromium } from "playwright-core";
import { configureDist, copyOfDist, screenshot, startSimulator, watchCsp } from "./harness.mjs";
import { freePort } from "./net.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".json": "application/json", ".svg": "image/svg+xml" };
let server, api, browser, panelUrl, apiBase;

before(async () => {
  api = await startSimulator(["--token", "unused"]);
  const apiPort = new URL(api.url).port;
  apiBase = `http://api.example.test:${apiPort}/api/v1`;
  const { root, dist } = copyOfDist();
  assert.equal(configureDist([dist, "--base-path", "/", "--api-base", apiBase]).code, 0);
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=panel.example.test",
    "-keyout", join(root, "key.pem"), "-out", join(root, "cert.pem")], { stdio: "ignore" });
  server = createServer({ key: readFileSync(join(root, "key.pem")), cert: readFileSync(join(root, "cert.pem")) }, (request, response) => {
    const path = join(dist, decodeURIComponent(new URL(request.url, "https://x").pathname));
    const file = existsSync(path) && statSync(path).isFile() ? path : join(dist, "index.html");
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  panelUrl = `https://panel.example.test:${port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--host-resolver-rules=MAP panel.example.test 127.0.0.1, MAP api.example.test 127.0.0.1"],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
  api?.stop();
});

test("an https page with an http API is told it is mixed content, and what to change", async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await watchCsp(context);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${panelUrl}sign-in`);
  await page.getByText(`API: ${apiBase}`).waitFor();
  await page.getByLabel("API token", { exact: true }).fill("any-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText(`This page is served over https, but the API at ${apiBase} is plain http, and browsers block such requests (mixed content).`).waitFor();
  await page.getByText("Details").click();
  await screenshot(page, "connection-mixed-content");
  // Chromium reports the blocked request itself; nothing else may go wrong.
  assert.deepEqual(problems.filter((p) => !/Mixed Content|Failed to load resource|ERR_/.test(p)), []);
  await context.close();
});
