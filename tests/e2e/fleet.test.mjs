// Fleet work: a batch over 12 servers (two at the limit, one whose name makes an invalid
// snapshot name), Cancel and Retry failed, a prune with its preview and typed count, a reload in
// the middle of a batch, the Activity page, and the whole flow in Bengali. The simulator's
// request log and write peak prove what was sent: at most two writes at once, never a second
// snapshot of one server in one batch, nothing deleted outside the preview.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HTTP_ERROR_LOGS, TOKEN, api, axeViolations, browser, control, dialog, expectProblems, newPage, openSignedIn,
  screenshot, setDelays, setFaults, setToken, tabTo, url, useBrowser, writes,
} from "./harness.mjs";

useBrowser();

// Six more servers make twelve; "edge.v2" gives an invalid snapshot name ({server} has a dot).
const ADDED = ["app-01", "app-02", "app-03", "app-04", "app-05", "edge.v2"];
const ALL = 12;

/** The added servers, and app-01 brought to the limit like db-primary (5 of 5, completed). */
async function twelveServers() {
  const ids = await control("servers", "POST", { names: ADDED });
  await setDelays({ create_delay_ms: 10 });
  for (let i = 1; i <= 5; i++) {
    const made = await api("snapshots/", { method: "POST", body: { server_id: ids[0], name: `app-01-old-${i}` } });
    assert.equal(made.status, 201);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Long enough that the batch's snapshots are seen in progress, short enough to complete.
  await setDelays({ create_delay_ms: 3000 });
  return ids;
}

const writePeak = () => control("write-peak", "GET");

/** Every snapshot of the account, by server id. */
async function snapshotsByServer() {
  const all = [];
  let next = "snapshots/";
  while (next) {
    const page = await api(next);
    all.push(...page.body.results);
    next = page.body.next ? page.body.next.replace(/^.*\/api\/v1\//, "") : null;
  }
  const by = new Map();
  for (const s of all) by.set(s.server.id, [...(by.get(s.server.id) ?? []), s]);
  return by;
}

async function selectAll(page, count = ALL) {
  await page.getByRole("button", { name: `Select all ${count} matching servers` }).click();
  await page.getByText(`${count} servers selected`).waitFor();
}

/** A new page with all twelve servers selected and the snapshot preview open at its
 *  defaults; resolves to the page and the dialog. */
async function previewOfTwelve(pageOptions) {
  const page = await newPage(browser, pageOptions);
  await openSignedIn(page, "/servers");
  await selectAll(page);
  await page.getByRole("button", { name: "Snapshot selected…" }).click();
  const box = dialog(page);
  await box.getByText("9 to create, 3 to skip, 0 to delete first.").waitFor();
  return { page, box };
}

/** The rows of the open dialog's preview (or batch) table, as text. */
const dialogRows = (page) => dialog(page).locator("tbody tr").allInnerTexts();

test("a batch over 12 servers: preview, an invalid name fixed, room made for two, at most two writes at once", async () => {
  const ids = await twelveServers();
  const page = await newPage(browser, { width: 1440, height: 900 });
  await openSignedIn(page, "/servers");
  await selectAll(page);
  // The selection is tab state: a search that hides most rows, or a visit elsewhere, keeps it.
  await page.getByRole("searchbox").fill("app-0");
  await page.getByText(`${ALL} servers selected`).waitFor();
  await page.getByRole("button", { name: "Select all 5 matching servers" }).waitFor();
  assert.ok(await page.getByRole("button", { name: "Select all 5 matching servers" }).isDisabled());
  await page.getByRole("searchbox").fill("");
  await page.getByRole("link", { name: "Snapshots", exact: true }).click();
  await page.getByRole("link", { name: "Servers", exact: true }).click();
  await page.getByText(`${ALL} servers selected`).waitFor();

  await page.getByRole("button", { name: "Snapshot selected…" }).click();
  const box = dialog(page);
  await box.getByRole("heading", { name: "Snapshot 12 servers" }).waitFor();
  await box.locator("tbody tr").nth(ALL - 1).waitFor();
  const today = new Date().toISOString().slice(0, 10);
  let rows = await dialogRows(page);
  assert.equal(rows.length, ALL, "every selected server is in the preview");
  const row = (name) => rows.find((r) => r.startsWith(name + "\t") || r.startsWith(name + "\n")) ?? "";
  assert.match(row("web-server-01"), new RegExp(`web-server-01-${today}.*2 of 5.*Create`, "s"));
  assert.match(row("edge.v2"), /Skip: .*“\.”/s, "the dot is named as the reason");
  assert.match(row("db-primary"), /5 of 5.*Skip: the snapshot limit is reached/s);
  assert.match(row("app-01"), /5 of 5.*Skip: the snapshot limit is reached/s);
  await box.getByText("1 server's name gives an invalid snapshot name").waitFor();
  await box.getByText("9 to create, 3 to skip, 0 to delete first.").waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "fleet-preview-1440", { fullPage: false });

  // Replace the bad characters, and make room at the limit: both listed, the count typed.
  await box.getByLabel("Replace characters a snapshot name cannot have with “-”").check();
  await box.getByLabel("At the snapshot limit, delete the server's oldest completed snapshot first").check();
  rows = await dialogRows(page);
  assert.match(row("edge.v2"), new RegExp(`edge-v2-${today}.*Create`, "s"));
  assert.match(row("db-primary"), /Delete “db-weekly-2024-12-16”, then create/);
  assert.match(row("app-01"), /Delete “app-01-old-1”, then create/);
  await box.getByText("12 to create, 0 to skip, 2 to delete first.").waitFor();
  const deletions = await box.locator(".deletions__list li").allInnerTexts();
  assert.deepEqual(deletions, ["db-primary: db-weekly-2024-12-16", "app-01: app-01-old-1"]);
  const start = box.getByRole("button", { name: "Start batch" });
  assert.ok(await start.isDisabled(), "a batch that deletes waits for the typed count");
  await box.getByLabel("Type 2 to confirm that 2 snapshots are deleted").fill("1");
  assert.ok(await start.isDisabled());
  await box.getByLabel("Type 2 to confirm that 2 snapshots are deleted").fill("2");
  assert.deepEqual(await axeViolations(page), []);

  // Each write takes a while, so the queue's bound shows in the peak.
  await setFaults({ latency_ms: 300 });
  await start.click();
  await box.getByRole("heading", { name: "Snapshot batch" }).waitFor();
  await box.locator("[data-state=creating], [data-state=making-room]").first().waitFor();
  await screenshot(page, "fleet-running-1440", { fullPage: false });
  await page.getByRole("status").filter({ hasText: "Batch running." }).waitFor();
  await page.getByRole("status").filter({ hasText: /Batch finished: \d+ done, \d+ in progress, 0 failed, 0 skipped\./ })
    .waitFor({ timeout: 30_000 });
  await box.getByText("12 of 12 processed").waitFor();
  // The snapshots complete while the dialog stays open.
  await box.locator("[data-state=completed]").nth(ALL - 1).waitFor({ timeout: 20_000 });
  await screenshot(page, "fleet-summary-1440", { fullPage: false });
  assert.deepEqual(await axeViolations(page), []);

  assert.equal(await writePeak(), 2, "two writes out at once, never more");
  const sent = (await writes()).slice(5);
  assert.equal(sent.filter((w) => w.startsWith("POST")).length, ALL, "one create per server");
  assert.deepEqual(sent.filter((w) => w.startsWith("DELETE")).sort(),
    ["DELETE /api/v1/snapshots/790/", `DELETE /api/v1/snapshots/${(await firstOf(ids[0]))}/`].sort());
  const by = await snapshotsByServer();
  for (const id of [12345, 12346, 12347, 12348, 12349, 12350, ...ids]) {
    const made = (by.get(id) ?? []).filter((s) => s.name.endsWith(today));
    assert.equal(made.length, 1, `server ${id} has exactly one snapshot of this batch`);
  }
  await page.context().close();
});

/** The id app-01's oldest snapshot had (deleted since): the one after db-primary's seed ids. */
async function firstOf(serverId) {
  const requests = await control("requests", "GET");
  assert.ok(requests.length > 0);
  const by = await snapshotsByServer();
  const left = (by.get(serverId) ?? []).map((s) => s.id);
  // app-01 had five snapshots made in a row; four are left, the first of the five is gone.
  return Math.min(...left) - 1;
}

test("Cancel stops what is queued, lets what is out finish, and Retry failed re-runs only the failed", async () => {
  await twelveServers();
  const before = (await writes()).length;
  const creates = async () => (await writes()).slice(before).filter((w) => w.startsWith("POST")).length;
  const { page, box } = await previewOfTwelve({ width: 360, height: 780 });
  await screenshot(page, "fleet-preview-360", { fullPage: false });
  // The first two creates fail (a 500, checked and found not made); every write is slow.
  await setFaults({ latency_ms: 700, error_rate: 1, mode: "http-500", count: 2, method: "POST" });
  expectProblems(page, HTTP_ERROR_LOGS);
  await box.getByRole("button", { name: "Start batch" }).click();
  await box.locator("[data-state=failed]").nth(1).waitFor();
  await box.getByRole("button", { name: "Cancel the rest" }).click();
  await page.getByRole("status").filter({ hasText: /Batch cancelled: \d+ done, 2 failed, \d+ not sent\./ })
    .waitFor({ timeout: 20_000 });
  const cancelled = await box.locator("[data-state=cancelled]").count();
  assert.ok(cancelled >= 3, `queued items were cancelled (${cancelled})`);
  assert.match((await box.locator("[data-state=failed]").first().innerText()), /checked: it did not take effect/);
  const createsBefore = await creates();
  assert.equal(createsBefore, 9 - cancelled, "nothing cancelled was sent");
  await screenshot(page, "fleet-cancelled-360", { fullPage: false });

  await box.getByRole("button", { name: "Retry 2 failed" }).click();
  await page.getByRole("status").filter({ hasText: /Batch cancelled: \d+ done, 0 failed/ }).waitFor({ timeout: 20_000 });
  assert.equal(await box.locator("[data-state=cancelled]").count(), cancelled, "the cancelled stay cancelled");
  const createsAfter = await creates();
  assert.equal(createsAfter, createsBefore + 2, "only the two failed were sent again");
  const today = new Date().toISOString().slice(0, 10);
  for (const [id, list] of await snapshotsByServer()) {
    assert.ok(list.filter((s) => s.name.endsWith(today)).length <= 1, `server ${id}: one snapshot at most`);
  }
  await screenshot(page, "fleet-summary-360", { fullPage: false });
  await page.context().close();
});

test("prune: keep the newest 2, the preview lists what goes oldest first, the count typed, a 404 counts as gone", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  for (const name of ["db-primary", "web-server-01"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByText("2 servers selected").waitFor();
  await page.getByRole("button", { name: "Prune selected…" }).click();
  const box = dialog(page);
  await box.getByRole("heading", { name: "Prune snapshots of 2 servers" }).waitFor();
  await box.getByText("3 snapshots will be deleted from 1 server.").waitFor();
  const preview = (await dialogRows(page)).map((r) => r.split(/\t|\n/).slice(0, 2).join(" "));
  assert.deepEqual(preview, [
    "db-primary db-weekly-2024-12-16", "db-primary db-weekly-2024-12-23", "db-primary db-weekly-2024-12-30",
  ]);
  await box.getByLabel("Keep the newest completed snapshots per server").selectOption("4");
  await box.getByText("1 snapshot will be deleted from 1 server.").waitFor();
  await box.getByLabel("Keep the newest completed snapshots per server").selectOption("2");
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "fleet-prune-preview", { fullPage: false });
  const go = box.getByRole("button", { name: "Delete 3 snapshots" });
  assert.ok(await go.isDisabled());
  await box.getByLabel("Type 3 to confirm that 3 snapshots are deleted").fill("3");
  // Someone else deletes one of them meanwhile: its 404 counts as already gone.
  assert.equal((await api("snapshots/791/", { method: "DELETE" })).status, 204);
  expectProblems(page, HTTP_ERROR_LOGS);
  await go.click();
  await page.getByRole("status").filter({ hasText: "Batch finished: 3 done" }).waitFor();
  const deleted = (await writes()).filter((w) => w.startsWith("DELETE")).map((w) => w.match(/snapshots\/(\d+)/)[1]).sort();
  assert.deepEqual(deleted, ["790", "791", "791", "792"], "the outside delete and the three of the preview");
  const left = (await api("snapshots/?server_id=12346")).body.results.map((s) => s.name);
  assert.deepEqual(left.sort(), ["before-pg16-upgrade", "db-weekly-2025-01-06"]);
  const webLeft = (await api("snapshots/?server_id=12345")).body.results.length;
  assert.equal(webLeft, 2, "web-server-01 keeps its two");

  // The Activity page says what happened, the 404 as already gone.
  await box.getByRole("button", { name: "Done" }).click();
  await page.getByRole("link", { name: "Activity" }).click();
  await page.getByRole("heading", { name: "Activity" }).waitFor();
  const activity = await page.locator("tbody tr").allInnerTexts();
  assert.equal(activity.length, 3);
  assert.ok(activity.some((r) => /db-weekly-2024-12-23.*Already gone/s.test(r)), activity.join("\n"));
  await page.context().close();
});

test("a reload in the middle of a batch asks first, shows the last known state, checks, and resumes without a second snapshot", async () => {
  await twelveServers();
  const { page, box } = await previewOfTwelve();
  await setFaults({ latency_ms: 1500, method: "POST" });
  await box.getByRole("button", { name: "Start batch" }).click();
  await box.locator("[data-state=in-progress]").first().waitFor();
  const asked = [];
  page.on("dialog", async (question) => { asked.push(question.type()); await question.accept(); });
  await page.reload();
  assert.deepEqual(asked, ["beforeunload"], "leaving with writes queued asks first");

  await page.getByRole("button", { name: "A batch was interrupted by a reload. Show batch" }).click();
  await box.getByRole("heading", { name: "Snapshot batch" }).waitFor();
  await box.getByText("The page was reloaded while this batch ran.").waitFor();
  await screenshot(page, "fleet-interrupted", { fullPage: false });
  await setFaults({ latency_ms: 0 });
  await box.getByRole("button", { name: "Check the servers" }).click();
  const resume = box.getByRole("button", { name: /^Resume \d+ servers?$/ });
  await resume.waitFor();
  await resume.click();
  await page.getByRole("status").filter({ hasText: /Batch finished: .* 0 failed, 3 skipped\./ }).waitFor({ timeout: 20_000 });
  const today = new Date().toISOString().slice(0, 10);
  let made = 0;
  for (const [id, list] of await snapshotsByServer()) {
    const mine = list.filter((s) => s.name.endsWith(today)).length;
    assert.ok(mine <= 1, `server ${id} has ${mine} snapshots of the batch`);
    made += mine;
  }
  assert.equal(made, 9, "every planned server got its snapshot, once");
  await page.context().close();
});

test("the Activity page lists single and batch writes, survives a reload, holds no token and is gone after sign-out", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12345");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("single-write");
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).waitFor({ state: "detached" });
  await page.getByRole("link", { name: "Activity" }).click();
  await page.getByRole("heading", { name: "Activity" }).waitFor();
  await page.locator("tbody tr", { hasText: "single-write" }).waitFor();
  await page.waitForTimeout(700);
  await page.reload();
  const row = page.locator("tbody tr", { hasText: "single-write" });
  await row.waitFor();
  assert.match(await row.innerText(), /web-server-01.*Create.*single-write.*Done/s);
  const stored = await page.evaluate(() => sessionStorage.getItem("vps-panel.activity"));
  assert.ok(stored.includes("single-write") && !stored.includes(TOKEN), "kept with the tab, without the token");
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "activity");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  const after = await page.evaluate(() => [
    sessionStorage.getItem("vps-panel.activity"), sessionStorage.getItem("vps-panel.batch"),
    sessionStorage.getItem("vps-panel.selection"),
  ]);
  assert.deepEqual(after, [null, null, null], "nothing of the session stays in the tab");
  await page.context().close();
});

test("the whole flow in Bengali, in the dark theme, with axe at 0", async () => {
  await twelveServers();
  const page = await newPage(browser, { locale: "bn-BD", colorScheme: "dark", width: 1440, height: 900 });
  await page.goto(url("/servers"));
  await page.getByLabel("API টোকেন", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  await page.waitForURL((u) => u.pathname.startsWith("/servers"));
  await page.getByRole("button", { name: "মিলে যাওয়া ১২টি সার্ভারের সবগুলি নির্বাচন করুন" }).click();
  await page.getByText("১২টি সার্ভার নির্বাচিত").waitFor();
  await page.getByRole("button", { name: "নির্বাচিতগুলির স্ন্যাপশট…" }).click();
  const box = dialog(page);
  await box.getByRole("heading", { name: "১২টি সার্ভারের স্ন্যাপশট" }).waitFor();
  await box.getByText("৯টি তৈরি হবে, ৩টি বাদ যাবে, আগে ০টি মোছা হবে।").waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "bn-fleet-preview", { fullPage: false });
  await box.getByRole("button", { name: "ব্যাচ শুরু করুন" }).click();
  await page.getByRole("status").filter({ hasText: /^ব্যাচ শেষ: / }).waitFor({ timeout: 30_000 });
  await box.getByText("১২টির মধ্যে ১২টি প্রক্রিয়া করা হয়েছে").waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "bn-fleet-summary", { fullPage: false });
  await box.getByRole("button", { name: "শেষ" }).click();
  await page.getByRole("link", { name: "কার্যকলাপ" }).click();
  await page.getByRole("heading", { name: "কার্যকলাপ" }).waitFor();
  assert.equal(await page.locator("tbody tr").count(), 9);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "bn-activity");
  // The prune preview too, still in Bengali and the dark theme.
  await page.getByRole("link", { name: "সার্ভার", exact: true }).click();
  await page.getByRole("button", { name: "নির্বাচিতগুলির পুরোনো স্ন্যাপশট মুছুন…" }).click();
  await box.getByRole("heading", { name: "১২টি সার্ভারের পুরোনো স্ন্যাপশট মুছুন" }).waitFor();
  await box.getByLabel(/^[০-৯]+টি স্ন্যাপশট মুছে ফেলা নিশ্চিত করতে [০-৯]+ লিখুন$/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "bn-fleet-prune", { fullPage: false });
  await page.keyboard.press("Escape");
  await box.waitFor({ state: "detached" });
  await page.context().close();
});

test("a 429 pauses the whole queue for its Retry-After, says so, and the batch goes on", async () => {
  await twelveServers();
  const { page, box } = await previewOfTwelve();
  // Four requests every 3 s: the batch meets the limit at once.
  await setFaults({ rate_limit: { requests: 4, per_s: 3 } });
  expectProblems(page, [/status of 429/]);
  // Every announcement of the batch, to count them: one per change of its state, not per row.
  await page.evaluate(() => {
    window.__said = [];
    const region = document.getElementById("fleet-status");
    new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  await box.getByRole("button", { name: "Start batch" }).click();
  await page.getByRole("status").filter({ hasText: "Batch paused: the API asked the panel to slow down." }).waitFor();
  await box.getByText(/Paused: the API asked the panel to slow down\. The queue goes on in \d+ s\./).waitFor();
  await screenshot(page, "fleet-paused", { fullPage: false });
  // The batch goes on while the user is elsewhere; the header's button brings it back.
  await box.getByRole("button", { name: "Close (the batch goes on)" }).click();
  await page.getByRole("link", { name: "Snapshots", exact: true }).click();
  await page.getByRole("heading", { name: "Snapshots", exact: true }).waitFor();
  await page.getByRole("button", { name: /^Batch: \d+ of 12$/ }).click();
  await box.getByRole("heading", { name: "Snapshot batch" }).waitFor();
  await page.getByRole("status").filter({ hasText: /Batch finished: .* 0 failed, 3 skipped\./ }).waitFor({ timeout: 40_000 });
  await setFaults({});
  const said = (await page.evaluate(() => window.__said)).filter((text, i, all) => text && text !== all[i - 1]);
  // Started, then each pause and the going on after it, then finished: never one per row.
  const pauses = said.filter((text) => text.startsWith("Batch paused")).length;
  assert.ok(pauses >= 1 && said.length <= 2 * pauses + 2, `one announcement per change of state: ${JSON.stringify(said)}`);
  assert.ok(said.every((text) => /^Batch (running|paused|finished)/.test(text)), JSON.stringify(said));
  const creates = (await writes()).slice(5).filter((w) => w.startsWith("POST")).length;
  assert.ok(creates >= 9, `the throttled creates were sent again after the wait (${creates})`);
  const today = new Date().toISOString().slice(0, 10);
  let made = 0;
  for (const [, list] of await snapshotsByServer()) made += list.filter((s) => s.name.endsWith(today)).length;
  assert.equal(made, 9, "nine snapshots, none twice: a 429 carries nothing out");
  await page.context().close();
});

test("keyboard only: select, open the preview, close it with Escape and focus comes back", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers");
  const selectAllButton = page.getByRole("button", { name: "Select all 6 matching servers" });
  await tabTo(page, selectAllButton);
  await page.keyboard.press("Enter");
  await page.getByText("6 servers selected").waitFor();
  const first = page.getByRole("checkbox", { name: "Select build-runner" });
  await tabTo(page, first);
  await page.keyboard.press("Space");
  await page.getByText("5 servers selected").waitFor();
  const action = page.getByRole("button", { name: "Snapshot selected…" });
  await tabTo(page, action);
  await page.keyboard.press("Enter");
  await dialog(page).getByRole("heading", { name: "Snapshot 5 servers" }).waitFor();
  await dialog(page).locator("tbody tr").nth(4).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "fleet-template", "focus moves into the dialog");
  await page.keyboard.press("Escape");
  await dialog(page).waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Snapshot selected…", "and back to its opener");
  await page.context().close();
});

test("a write answered 401 ends the session and leaves nothing in the activity log", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12345");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("after-revoke");
  await setToken("a-new-token");
  expectProblems(page, HTTP_ERROR_LOGS);
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.waitForTimeout(700);
  const stored = await page.evaluate(() => sessionStorage.getItem("vps-panel.activity"));
  assert.equal(stored, null, "no entry written after the session ended");
  await page.context().close();
});
