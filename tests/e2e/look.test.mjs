// Every page in both themes and at both widths: axe-core finds nothing, and a screenshot is
// kept in tests/e2e/artifacts/ for a person to look at.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  axeViolations, browser, newPage, openSignedIn, resetSimulator, screenshot, url, useBrowser,
} from "./harness.mjs";

useBrowser({ reset: false });
before(async () => { await resetSimulator(); });

const PAGES = [
  { name: "servers", path: "/servers", ready: (p) => p.getByRole("table", { name: "Servers" }) },
  { name: "server", path: "/servers/12345", ready: (p) => p.getByRole("table", { name: "Snapshots of this server" }) },
  { name: "server-empty", path: "/servers/12347", ready: (p) => p.getByText("No snapshots yet.") },
  { name: "snapshots", path: "/snapshots", ready: (p) => p.getByRole("table", { name: "All snapshots" }) },
  { name: "server-not-found", path: "/servers/99999", ready: (p) => p.getByRole("heading", { name: "Server not found" }) },
];

for (const colorScheme of ["light", "dark"]) {
  for (const width of [1440, 360]) {
    test(`sign-in and every page pass axe-core (${colorScheme}, ${width} px)`, async () => {
      const page = await newPage(browser, { width, height: 900, colorScheme });
      await page.goto(url("/servers"));
      await page.getByLabel("API token", { exact: true }).waitFor();
      assert.deepEqual(await axeViolations(page), [], "sign-in");
      await screenshot(page, `sign-in-${colorScheme}-${width}`);
      await openSignedIn(page, "/servers");
      for (const { name, path, ready } of PAGES) {
        await page.goto(url(path));
        await ready(page).waitFor();
        // A list's first API page shows at once: look at the complete one.
        await page.waitForFunction(() => !document.body.textContent.includes("the list is not complete yet"));
        assert.deepEqual(await axeViolations(page), [], name);
        await screenshot(page, `${name}-${colorScheme}-${width}`);
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }
}
