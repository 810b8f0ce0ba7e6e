// Live status: while a snapshot or a restore is in flight the server page refreshes itself,
// only then, not while the tab is hidden, and not while the API says to slow down.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api, apiRequests, dialog, expectProblems, openServerPage, setDelays, setFaults, snapshotRow, useBrowser,
} from "./harness.mjs";

useBrowser();

test("live status: polls only while something is in flight, pauses while hidden, keeps focus", async () => {
  const page = await openServerPage("/servers/12345");
  const setHidden = (hidden) => page.evaluate((value) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  const snapshotGets = async () => (await apiRequests()).filter((l) => l === "GET /api/v1/snapshots/?server_id=12345").length;

  // Nothing in flight: no polling at all.
  const idle = await snapshotGets();
  await page.waitForTimeout(5_000);
  assert.equal(await snapshotGets(), idle, "no refresh while nothing is in flight");

  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("live-one");
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
  await snapshotRow(page, "live-one").locator("[data-status=in_progress]").waitFor();

  // Hidden tab: no refresh even though a snapshot is in progress.
  await setHidden(true);
  const hiddenAt = await snapshotGets();
  await page.waitForTimeout(9_000);
  assert.equal(await snapshotGets(), hiddenAt, "no refresh while the tab is hidden");

  // Focus on another row's button survives the in-place update.
  const other = page.getByRole("button", { name: "Delete pre-migration-snapshot" });
  await other.focus();
  await setHidden(false);
  await snapshotRow(page, "live-one").locator("[data-status=completed]").waitFor({ timeout: 2_500 });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Delete pre-migration-snapshot");

  // Done: polling stops.
  const doneAt = await snapshotGets();
  await page.waitForTimeout(9_000);
  assert.equal(await snapshotGets(), doneAt, "polling stops when nothing is in flight");
  await page.context().close();
});

test("a 429 from the API pauses automatic refreshes", async () => {
  // In progress for longer than the page can take to open, however busy the machine.
  await setDelays({ create_delay_ms: 60_000 });
  assert.equal((await api("snapshots/", { method: "POST", body: { server_id: 12345, name: "throttled" } })).status, 201);
  const page = await openServerPage("/servers/12345");
  expectProblems(page, [/status of 429/]);
  await snapshotRow(page, "throttled").locator("[data-status=in_progress]").waitFor();
  const refreshes = async () => (await apiRequests()).filter((l) => l === "GET /api/v1/snapshots/?server_id=12345").length;
  await setFaults({ error_rate: 1, mode: "http-429", count: 2 });
  // The next refresh meets the 429 (both of its requests) ...
  const before = await refreshes();
  for (let i = 0; i < 60 && (await refreshes()) === before; i++) await page.waitForTimeout(100);
  const throttledAt = await refreshes();
  assert.equal(throttledAt, before + 1, "one refresh met the 429");
  // ... and none follows for a while, although a snapshot is still in progress (normally every 4 s).
  await page.waitForTimeout(10_000);
  assert.equal(await refreshes(), throttledAt, "no refresh while throttled");
  await page.context().close();
});
