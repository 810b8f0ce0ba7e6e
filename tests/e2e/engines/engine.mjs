// One way to drive every engine: a page with the few steps the core flows need (open, click a
// named control, type into a labelled field, choose an option, wait for text), over puppeteer
// (Chromium, Firefox) or WebDriver (WebKitGTK). Controls are found in the page by the name a
// user sees (in-page.mjs), then clicked and typed into through the engine's own input events.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, url } from "../harness.mjs";
import { findControl, showsText, takeProblems } from "./in-page.mjs";
import { launchWithPuppeteer } from "./puppeteer-driver.mjs";
import { launchWebKit } from "./webdriver-driver.mjs";

const ARTIFACTS = join(REPO_ROOT, "tests/e2e/artifacts");
const WAIT_MS = 10_000;

/** Starts `engine`: "chromium", "firefox" or "webkit". */
export async function launchEngine(engine) {
  const launched = engine === "webkit" ? await launchWebKit() : await launchWithPuppeteer(engine);
  return {
    name: engine,
    get version() { return launched.version; },
    newPage: async ({ width = 1280, height = 860 } = {}) => new EnginePage(engine, await launched.newPage({ width, height })),
    close: () => launched.close(),
  };
}

export class EnginePage {
  constructor(engine, driver) {
    this.engine = engine;
    this.driver = driver;
    /** Console lines the running flow provokes on purpose (a refused token, a 401). */
    this.expected = [];
  }

  async goto(path) {
    await this.driver.navigate(url(path));
  }

  /** A reload, as the user presses it. */
  async reload() {
    await this.driver.navigate(await this.driver.url());
  }

  async path() {
    const here = new URL(await this.driver.url());
    return here.pathname + here.search;
  }

  evaluate(fn, arg) {
    return this.driver.run(fn, arg);
  }

  /** Polls `check` until it gives something truthy; fails with `what` after `timeout` ms. */
  async waitUntil(check, what, timeout = WAIT_MS) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > end) throw new Error(`${this.engine}: ${what} (after ${timeout} ms)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The control (`role`: button, link or field) named `name`, once it is shown. */
  control(role, name, { exact = true, inDialog = false, timeout } = {}) {
    return this.waitUntil(() => this.driver.element(findControl, { role, name, exact, inDialog }),
      `no ${role} named "${name}"${inDialog ? " in the dialog" : ""}`, timeout);
  }

  /** Whether a control named `name` is shown now. */
  async has(role, name, options = {}) {
    return Boolean(await this.driver.element(findControl, { role, name, exact: true, ...options }));
  }

  async click(role, name, options) {
    await this.driver.click(await this.control(role, name, options));
  }

  /** Types `text` into the field labelled `label`, replacing what it held. */
  async fill(label, text, options) {
    await this.driver.type(await this.control("field", label, options), text);
  }

  async choose(label, value, options) {
    await this.driver.select(await this.control("field", label, options), value);
  }

  /** What the field labelled `label` holds. */
  async fieldValue(label, options = {}) {
    return this.driver.run(findControl, { role: "field", name: label, exact: true, ...options, value: true });
  }

  waitForText(text, { inDialog = false, timeout } = {}) {
    return this.waitUntil(() => this.driver.run(showsText, { text, inDialog }),
      `"${text}" was not shown${inDialog ? " in the dialog" : ""}`, timeout);
  }

  waitForPath(pattern, timeout) {
    return this.waitUntil(async () => pattern.test(await this.path()), `the address did not become ${pattern}`, timeout);
  }

  /** A screenshot in tests/e2e/artifacts/, and with `toDocs` in docs/ too, for the README. */
  async screenshot(name, { toDocs = false } = {}) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.driver.screenshot(path);
    if (toDocs) copyFileSync(path, join(REPO_ROOT, "docs", `${name}.png`));
  }

  /** Console errors, uncaught errors and CSP violations beyond those the flow expected. */
  async unexpectedProblems() {
    const all = [...this.driver.engineProblems(), ...(await this.driver.run(takeProblems))];
    return [...new Set(all)].filter((line) => !this.expected.some((pattern) => pattern.test(line)));
  }

  close() {
    return this.driver.close();
  }
}
