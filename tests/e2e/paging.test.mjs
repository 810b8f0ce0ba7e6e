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

/** From now on, in the page: what the list said when its table's first row was drawn, and how
 *  often the server in the first row changed afterwards (each change is a moment when a click
 *  aimed at that row would open another server). */
async function watchFirstRow(page) {
  await page.evaluate(() => {
    const seen = { countLine: null, rows: 0, first: null, changes: 0 };
    window.__firstRow = seen;
    new MutationObserver(() => {
      const row = document.querySelector("tbody tr:not([hidden])");
      const first = row ? row.dataset.snapshotId ?? row.querySelector("a")?.textContent ?? "" : null;
      if (first === null) return;
      if (seen.first === null) {
        seen.countLine = document.querySelector(".result-count")?.textContent ?? "";
        seen.rows = document.querySelectorAll("tbody tr:not([hidden])").length;
      } else if (first !== seen.first) {
        seen.changes++;
      }
      seen.first = first;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const firstRow = (page) => page.evaluate(() => window.__firstRow);

test("126 servers in pages of 25: progress while pages arrive, a table drawn once complete whose rows never move, 50 rows a page", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "25", "--servers", "120", "--latency-ms", "300"]);
  try {
    const page = await newPage(browser);
    await page.goto(`${sim.url}servers`);
    await page.getByLabel("API token", { exact: true }).waitFor();
    await watchFirstRow(page);
    await signIn(page, { token: TOKEN });
    // While pages arrive: how far the list has come, as words and as a bar, and no table yet.
    await page.getByRole("status").filter({ hasText: /Loading servers… (25|50|75|100) of 126/ }).waitFor();
    assert.equal(await page.locator("table").count(), 0, "no table before the list is complete");
    assert.equal(await page.locator("progress.loading__bar").getAttribute("max"), "126");
    await screenshot(page, "servers-loading-progress");
    await page.getByText("Showing 1–50 of 126 matching servers (126 in all)").waitFor();
    const drawn = await firstRow(page);
    assert.equal(drawn.countLine, "Showing 1–50 of 126 matching servers (126 in all)", "the first row was drawn with the complete list");
    assert.equal(drawn.rows, 50);
    assert.equal(drawn.changes, 0, "the first row never changed");
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

test("in Bengali the same: progress in Bengali digits, then the complete table", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "25", "--servers", "120", "--latency-ms", "300"]);
  try {
    const page = await newPage(browser, { locale: "bn-BD" });
    await page.goto(`${sim.url}servers`);
    await page.getByLabel("API টোকেন", { exact: true }).fill(TOKEN);
    await watchFirstRow(page);
    await page.getByRole("button", { name: "সাইন ইন" }).click();
    await page.getByRole("status").filter({ hasText: /সার্ভার লোড হচ্ছে… ১২৬টির মধ্যে (২৫|৫০|৭৫|১০০)টি/ }).waitFor();
    assert.equal(await page.locator("table").count(), 0, "no table before the list is complete");
    await screenshot(page, "bn-servers-loading-progress");
    await page.getByRole("table", { name: "সার্ভার" }).waitFor();
    const drawn = await firstRow(page);
    assert.match(drawn.countLine, /মোট ১২৬টি/, "the first row was drawn with the complete list");
    assert.equal(drawn.changes, 0, "the first row never changed");
    await page.context().close();
  } finally {
    sim.stop();
  }
});

test("the snapshots page shows progress while its pages arrive and draws every snapshot at once", async () => {
  const sim = await startSimulator(["--token", TOKEN, "--page-size", "3", "--latency-ms", "400"]);
  try {
    const total = await fetch(`${sim.url}api/v1/snapshots/`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      .then((r) => r.json()).then((body) => body.count);
    assert.ok(total > 6, `enough snapshots for several pages (${total})`);
    const page = await newPage(browser);
    await page.goto(`${sim.url}snapshots`);
    await page.getByLabel("API token", { exact: true }).waitFor();
    await watchFirstRow(page);
    await signIn(page, { token: TOKEN, landing: (u) => u.pathname === "/snapshots" });
    await page.getByRole("status").filter({ hasText: new RegExp(`Loading snapshots… \\d+ of ${total}`) }).waitFor();
    assert.equal(await page.getByRole("table", { name: "All snapshots" }).count(), 0, "no table before the list is complete");
    await screenshot(page, "snapshots-loading-progress");
    await page.getByRole("table", { name: "All snapshots" }).waitFor({ timeout: 30_000 });
    const drawn = await firstRow(page);
    assert.equal(drawn.rows, total, "every snapshot drawn at once");
    assert.equal(drawn.changes, 0, "the first row never changed");
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
