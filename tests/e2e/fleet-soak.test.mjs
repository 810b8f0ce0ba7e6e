// The fleet soak: 1,000 servers on an account paged 100 at a time, a batch over all of them
// while the simulator fails 5 % of requests at random (500, 429, HTML 502, dropped connections)
// and keeps a rate limit, then Retry failed while answers are lost after the write was carried
// out, then a prune under the same faults. The simulator's write log and the account's
// snapshots prove: every server snapshotted or failed with a reason, never two snapshots of one
// server from the batch, and nothing deleted outside the prune's preview.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT, browser, newPage, expectProblems, startSimulator, useBrowser } from "./harness.mjs";

useBrowser({ reset: false });

const TOKEN = "fleet-soak-token";
const SERVERS = 1000;
let sim;

before(async () => {
  sim = await startSimulator([
    "--dist", join(REPO_ROOT, "dist"), "--token", TOKEN, "--servers", String(SERVERS - 6),
    "--page-size", "100", "--create-delay-ms", "2000", "--control",
  ]);
});
after(() => sim?.stop());

async function control(path, method = "POST", body) {
  const response = await fetch(new URL(`__devapi/${path}`, sim.url), {
    method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status}`);
  return response.status === 204 ? null : response.json();
}

async function allSnapshots() {
  const all = [];
  let next = new URL("api/v1/snapshots/", sim.url).toString();
  while (next) {
    const response = await fetch(next, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const page = await response.json();
    all.push(...page.results);
    next = page.next;
  }
  return all;
}

const FAULTS = { error_rate: 0.05, mode: "mixed", retry_after_s: 1, rate_limit: { requests: 60, per_s: 2 } };
// Every console error the faults provoke on purpose.
const FAULT_LOGS = [
  /Failed to load resource/, /net::ERR_/, /status of (429|500|502)/,
];

/** The batch dialog's rows by state. */
const states = (page) => page.locator("[role=dialog] tbody tr").evaluateAll((rows) =>
  rows.map((row) => ({ state: row.dataset.state, reason: row.querySelector(".batch-state + .cell-sub")?.textContent ?? "" })));

const finished = (page) => page.getByRole("status").filter({ hasText: /^Batch (finished|cancelled):/ })
  .waitFor({ timeout: 240_000 });

test("a batch over 1,000 servers under faults and a rate limit: each one snapshotted once or failed with a reason", { timeout: 600_000 }, async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  expectProblems(page, FAULT_LOGS);
  await page.goto(new URL("servers", sim.url).toString());
  await page.getByLabel("API token", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Select all 1,000 matching servers" }).click();
  await page.getByText("1,000 servers selected").waitFor();
  await page.getByRole("button", { name: "Snapshot selected…" }).click();
  const box = page.getByRole("dialog");
  await box.getByLabel("Name template").fill("{server}-soak");
  await box.getByText("999 to create, 1 to skip, 0 to delete first.").waitFor();

  await control("faults", "PUT", FAULTS);
  await box.getByRole("button", { name: "Start batch" }).click();
  await finished(page);
  let rows = await states(page);
  assert.equal(rows.length, SERVERS);
  const ended = new Set(["completed", "in-progress", "failed", "skipped"]);
  assert.deepEqual(rows.filter((r) => !ended.has(r.state)), [], "every row ended");
  for (const row of rows.filter((r) => r.state === "failed" || r.state === "skipped")) {
    assert.ok(row.reason.length > 10, `a reason is given: ${JSON.stringify(row)}`);
  }
  const failedFirst = rows.filter((r) => r.state === "failed").length;
  assert.ok(await control("write-peak", "GET") <= 2, "never more than two writes out");

  // Retry failed while answers are lost after the write was carried out: each is looked for.
  await control("faults", "PUT", { error_rate: 0.2, mode: "lost-502", method: "POST" });
  if (failedFirst > 0) {
    await box.getByRole("button", { name: /^Retry [\d,]+ failed$/ }).click();
    await finished(page);
  }
  await control("faults", "PUT", {});
  rows = await states(page);
  const made = (await allSnapshots()).filter((s) => s.name.endsWith("-soak"));
  const perServer = new Map();
  for (const s of made) perServer.set(s.server.id, (perServer.get(s.server.id) ?? 0) + 1);
  const twice = [...perServer].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], "no server got two snapshots from one batch");
  const done = rows.filter((r) => r.state === "completed" || r.state === "in-progress").length;
  const failed = rows.filter((r) => r.state === "failed").length;
  assert.equal(made.length, done, "each completed row is one snapshot on the account");
  assert.equal(done + failed + 1, SERVERS, "every server snapshotted, failed with a reason or skipped");
  console.log(`fleet soak: first pass ${failedFirst} failed; after Retry failed: ${done} done, ${failed} failed, 1 skipped`);

  // Prune under the same faults: keep the newest 1; nothing outside the preview is deleted.
  await box.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Prune selected…" }).click();
  await box.getByLabel("Keep the newest completed snapshots per server").selectOption("1");
  const preview = await box.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.snapshotId));
  assert.ok(preview.length > 0, "older snapshots to prune");
  const before = (await control("requests", "GET")).length;
  await box.getByLabel(/^Type [\d,]+ to confirm/).fill(String(preview.length));
  await control("faults", "PUT", FAULTS);
  await box.getByRole("button", { name: /^Delete [\d,]+ snapshots?$/ }).click();
  await finished(page);
  await control("faults", "PUT", {});
  const deleted = (await control("requests", "GET")).slice(before)
    .filter((line) => line.startsWith("DELETE ")).map((line) => line.match(/snapshots\/(\d+)\//)[1]);
  assert.deepEqual(deleted.filter((id) => !preview.includes(id)), [], "nothing outside the preview");
  console.log(`fleet soak: prune previewed ${preview.length}, sent ${deleted.length} deletes`);
  await page.context().close();
});
