// Shared helpers for the end-to-end tests: the browser, the simulator and its control endpoints,
// error collection and screenshots. Each suite (test file) runs in its own process with its own
// simulator, so scripts/e2e.sh runs suites side by side.
import { chromium } from "playwright-core";
import { after, afterEach, before, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACTS = join(REPO_ROOT, "tests/e2e/artifacts");

// Flags that keep Chromium off the network this machine does not have (the engine suites'
// Chromium too).
export const CHROMIUM_OFFLINE_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const CHROMIUM_ARGS = ["--headless", ...CHROMIUM_OFFLINE_ARGS];

// How a suite's simulator serves: the release dist/, lists paged 2 at a time so that every
// suite crosses pages, and short create and restore times.
const SUITE_SIMULATOR = ["--page-size", "2", "--create-delay-ms", "3000", "--restore-delay-ms", "4000", "--control"];

/** The suite's simulator, started when this module loads and stopped when the suite's process
 *  exits; SIM_URL and SIM_TOKEN name a simulator already running instead. (A module-level
 *  await, not a `before` hook: node runs a file's top-level `before` hooks without waiting for
 *  one another, and every other hook needs the address.) */
const suiteSimulator = process.env.SIM_URL
  ? { url: process.env.SIM_URL, token: process.env.SIM_TOKEN }
  : await startSuiteSimulator();
export const BASE_URL = suiteSimulator.url;
export const TOKEN = suiteSimulator.token;

async function startSuiteSimulator() {
  const token = `suite-token-${Math.random().toString(36).slice(2)}`;
  const simulator = await startSimulator(["--dist", join(REPO_ROOT, "dist"), "--token", token, ...SUITE_SIMULATOR]);
  // The suite's process must not wait for its simulator: it ends when its tests do, and ends it.
  simulator.detach();
  process.on("exit", simulator.stop);
  return { url: simulator.url, token };
}

/** The suite's browser: started before its first test and closed after its last, by useBrowser. */
export let browser;

/** Every suite's set-up: a browser for its tests and, with `reset`, the simulator's data reset
 *  before each test. (Console errors and CSP violations are checked after every test anyway.) */
export function useBrowser({ reset = true } = {}) {
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });
  if (reset) beforeEach(async () => { await resetSimulator(); });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

// Every Content-Security-Policy violation of any page of the running test: the panel ships a
// strict policy, and anything it blocks is a bug. The hook below fails the test that caused it.
const cspViolations = [];
afterEach(() => {
  const seen = cspViolations.splice(0);
  assert.deepEqual(seen, [], "Content-Security-Policy violations");
});

/** Reports `securitypolicyviolation` events of every document in `context` to the test. */
export async function watchCsp(context) {
  await context.exposeBinding("__reportCspViolation", (_source, line) => cspViolations.push(line));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile || document.location.href}:${event.lineNumber})`);
    });
  });
}

// Pages opened by the running test. After it, none may have logged a console error or thrown
// an uncaught error but those the test said to expect (expectProblems): a test that only waits
// for an element still fails when something went wrong on the page.
const openPages = [];
afterEach(() => {
  const problems = openPages.splice(0).flatMap((page) => unexpectedProblems(page, page.expected));
  assert.deepEqual(problems, [], "console or page errors");
});

/** Console lines this test provokes on purpose (a 401 it asked for, a fault it injected). */
export function expectProblems(page, patterns) {
  page.expected.push(...patterns);
}

/** A new page that records console errors and uncaught page errors into `page.problems`. */
export async function newPage(browser, { width = 1280, height = 860, colorScheme = "light", locale } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...(locale ? { locale } : {}) });
  await watchCsp(context);
  const page = await context.newPage();
  page.problems = [];
  page.expected = [];
  openPages.push(page);
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  return page;
}

/** What `page` logged beyond the `allowed` patterns. */
function unexpectedProblems(page, allowed = []) {
  return page.problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
}

export async function control(path, method = "POST", body) {
  const response = await fetch(new URL(`__devapi/${path}`, BASE_URL), {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

export const resetSimulator = () => control("reset");
export const setFaults = (settings) => control("faults", "PUT", settings);
export const setToken = (token) => control("token", "PUT", { token });
/** How long creates and restores started from now on take, until the next reset. */
export const setDelays = (delays) => control("delays", "PUT", delays);
export const apiRequests = () => control("requests", "GET");

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

export const url = (path) => new URL(path, BASE_URL).toString();

/** Console lines Chromium prints for an HTTP error status the test provoked on purpose. */
export const HTTP_ERROR_LOGS = [/Failed to load resource: the server responded with a status of (400|401|404|500|502)/];

/** Signs in through the form with `token` and waits for the servers page (or `landing`). */
export async function signIn(page, { token = TOKEN, landing = (u) => u.pathname.startsWith("/servers") } = {}) {
  await page.getByLabel("API token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(landing);
}

/** Opens `path` signed in: goes through sign-in, which returns to `path`. */
export async function openSignedIn(page, path) {
  await page.goto(url(path));
  await page.waitForURL(/\/sign-in/);
  await signIn(page, { landing: (u) => u.pathname + u.search === path || u.pathname === path });
}

const AXE_PATH = join(dirname(fileURLToPath(import.meta.url)), "../../node_modules/axe-core/axe.min.js");

const AXE_SOURCE = readFileSync(AXE_PATH, "utf8");

/** axe-core's violations on the current page, as short readable lines. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the
  // panel's CSP, and would count as a violation.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export const storedToken = (page) => page.evaluate(() => sessionStorage.getItem("vps-panel.token"));

/** Calls the simulator's API directly, as another client of the same account would. */
export async function api(path, { method = "GET", body, token = TOKEN } = {}) {
  const response = await fetch(new URL(`api/v1/${path}`, BASE_URL), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Presses Tab (up to `limit` times) until `locator` has focus: reaching it by keyboard alone. */
export async function tabTo(page, locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

export const activeElementId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

/** The API writes the panel sent (POST and DELETE) since the last reset. */
export async function writes() {
  return (await apiRequests()).filter((line) => /^(POST|DELETE) /.test(line));
}

/** Starts a simulator (target/debug/vps-devapi, built by scripts/e2e.sh) with
 *  `args`; resolves to its `url` and a `stop()`. */
export async function startSimulator(args) {
  const binary = join(REPO_ROOT, "target/debug/vps-devapi");
  const child = spawn(binary, ["--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const address = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${output}`)), 10_000);
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) { clearTimeout(timer); resolve(found[0]); }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`simulator exited (${code}): ${output}`)); });
  });
  const detach = () => {
    child.unref();
    child.stdout.destroy();
    child.stderr.destroy();
  };
  return { url: address, stop: () => child.kill(), detach };
}

/** Runs scripts/configure-dist.sh with POSIX sh; resolves to its exit code and output. */
export function configureDist(args) {
  const result = spawnSync("sh", [join(REPO_ROOT, "scripts/configure-dist.sh"), ...args], { encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** A copy of the release build in a new temporary directory (at `dir/subPath`). */
export function copyOfDist(subPath = "") {
  const root = mkdtempSync(join(tmpdir(), "vps-panel-"));
  const target = join(root, subPath);
  cpSync(join(REPO_ROOT, "dist"), target, { recursive: true });
  return { root, dist: target };
}

/** The open dialog (the panel shows one at a time). */
export const dialog = (page) => page.getByRole("dialog");

/** The row of snapshot `name` in a server page's table. */
export const snapshotRow = (page, name) =>
  page.getByRole("table", { name: "Snapshots of this server" }).locator("tr", { hasText: name });

/** A new page, signed in at server page `path`, once its snapshots and quota are shown. */
export async function openServerPage(path, options) {
  const page = await newPage(browser, options);
  await openSignedIn(page, path);
  await page.getByRole("heading", { name: "Snapshots" }).waitFor();
  await page.getByText(/of 5 snapshots used/).waitFor();
  return page;
}
