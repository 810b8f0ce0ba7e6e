// Chromium (over the DevTools protocol) and Firefox ESR (over WebDriver BiDi), both driven by
// puppeteer-core and both Debian's builds: nothing downloads a browser.
import puppeteer from "puppeteer-core";
import { CHROMIUM_OFFLINE_ARGS } from "../harness.mjs";
import { watchProblems } from "./in-page.mjs";

const LAUNCH = {
  chromium: () => ({
    browser: "chrome",
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_OFFLINE_ARGS,
  }),
  firefox: () => ({
    browser: "firefox",
    executablePath: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
    headless: true,
  }),
};

/** Launches `engine` ("chromium" or "firefox"); resolves to its name and version, `newPage` and
 *  `close`. Each page has its own browser context: its own sessionStorage, as a new tab has. */
export async function launchWithPuppeteer(engine) {
  const browser = await puppeteer.launch(LAUNCH[engine]());
  return {
    version: await browser.version(),
    async newPage({ width, height }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      // Recording starts before the panel's own scripts run.
      await page.evaluateOnNewDocument(watchProblems);
      const engineProblems = [];
      page.on("console", (message) => {
        if (message.type() === "error") engineProblems.push(`console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => engineProblems.push(`page error: ${error.message}`));
      return pageDriver(page, context, engineProblems);
    },
    close: () => browser.close(),
  };
}

function pageDriver(page, context, engineProblems) {
  return {
    navigate: (url) => page.goto(url, { waitUntil: "load" }),
    url: () => page.url(),
    run: (fn, arg) => page.evaluate(fn, arg),
    async element(fn, arg) {
      const handle = await page.evaluateHandle(fn, arg);
      const element = handle.asElement();
      if (!element) await handle.dispose();
      return element;
    },
    click: (element) => element.click(),
    async type(element, text) {
      // Select what the field holds, so the typed text replaces it, as a user does.
      await element.click();
      await element.evaluate((el) => el.select());
      if (text) await element.type(text);
      else await page.keyboard.press("Backspace");
    },
    select: (element, value) => element.select(value),
    // The viewport, as WebKitWebDriver's screenshots are: the engines' pictures compare.
    screenshot: (path) => page.screenshot({ path }),
    engineProblems: () => engineProblems.splice(0),
    close: () => context.close(),
  };
}
