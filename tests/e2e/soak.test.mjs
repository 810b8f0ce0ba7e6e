// A scripted session through the UI against a flaky API: 30% of API requests fail at random
// (500, 429, an HTML 502 or a dropped connection), with latency. The robot does what an operator
// does when something fails (reads the message, presses Retry or submits again), and checks:
// no panic, at most one write per click and each snapshot made once, nothing typed lost, no restore without its completed safety
// snapshot, every failure explained or retryable, and the lists equal the API's state at the end.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api, apiRequests, browser, expectProblems, newPage, openSignedIn, screenshot, setFaults, useBrowser,
  dialog,
} from "./harness.mjs";

useBrowser();

const FLAKY = { error_rate: 0.3, mode: "mixed", latency_ms: 40 };
const SERVER = { id: 12345, name: "web-server-01", path: "/servers/12345" };
const RESTORE_FROM = "pre-migration-snapshot";
// What the browser logs for the faults themselves; anything else (a panic above all) fails.
const FAULT_LOGS = [/Failed to load resource/];
const ATTEMPTS = 40;
// The default run's soak fits its place in scripts/test.sh; `SOAK=long scripts/e2e.sh` runs the
// longer one. Both have the same fault mix and assertions.
const LONG = process.env.SOAK === "long";
const ROUNDS = LONG ? 10 : 5; // creates and deletes
const RESTORES = LONG ? 3 : 2; // restores with a safety snapshot
const RESTORE_TRIES_EACH = 10;

const snapshotRow = (page, name) =>
  page.getByRole("table", { name: "Snapshots of this server" }).locator("tr", { hasText: name });
const rowOf = (page, id) => page.locator(`tr[data-snapshot-id='${id}']`);

/** Until the dialog's submit button is no longer busy (disabled as "Creating snapshot…", "Deleting…"). */
const answered = (page) => page.waitForFunction(
  () => ![...document.querySelectorAll("[role=dialog] button:disabled")].some((b) => b.textContent.includes("…")));

/** Every `role=alert` the page showed, across reloads: its text, and whether it offered Retry. */
async function watchFailures(page) {
  const failures = [];
  await page.context().exposeBinding("__reportFailure", (_source, failure) => failures.push(failure));
  await page.addInitScript(() => {
    // Each alert once per text it shows (the sign-in form's problem region is always there,
    // empty until there is something to say).
    const shown = new WeakMap();
    const record = (node) => {
      const text = node.textContent.trim();
      if (!text || shown.get(node) === text) return;
      shown.set(node, text);
      window.__reportFailure({
        text,
        panel: node.classList.contains("error-panel"),
        retry: [...node.querySelectorAll("button")].some((b) => b.textContent.trim() === "Retry"),
      });
    };
    new MutationObserver(() => document.querySelectorAll("[role=alert]").forEach(record))
      .observe(document, { subtree: true, childList: true, characterData: true });
  });
  return failures;
}

/** Clicks, then waits until the write that click sends has finished or failed, or until the
 *  dialog is no longer busy: after a lost answer the panel first looks whether the earlier
 *  attempt took effect, and may send no write at all (one intent, one write). */
async function clickAndSettle(page, click, isTheRequest) {
  let done;
  const settled = new Promise((resolve) => {
    done = (request) => {
      if (!isTheRequest(request)) return;
      resolve();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  });
  await click();
  const idle = (async () => {
    await page.waitForTimeout(300);
    await answered(page);
  })();
  await Promise.race([settled, idle]);
  page.off("requestfinished", done);
  page.off("requestfailed", done);
  await answered(page);
  await page.waitForTimeout(150); // the answer reaches the screen
}

/** Reads and dismisses the notifications, as a user does when they pile up over the page. */
async function dismissNotifications(page) {
  const close = page.getByRole("button", { name: "Dismiss notification" });
  while (await close.count()) await close.first().click();
}

/** Presses Retry if one is shown. A Retry may go before it is pressed (a refresh due anyway
 *  loaded what had failed): the callers look at the page again either way. */
async function pressRetryIfShown(page) {
  const retry = page.getByRole("button", { name: "Retry" }).first();
  if (!(await retry.count())) return;
  try {
    await retry.click({ timeout: 2_000 });
  } catch (error) {
    if (error.name !== "TimeoutError") throw error;
  }
}

/** The server page, pressing Retry on whatever failed to load, until both parts are in. */
async function serverPageLoaded(page) {
  for (let i = 0; i < ATTEMPTS; i++) {
    const ready = await page.getByText(/of 5 snapshots used/).isVisible()
      && await page.getByRole("heading", { level: 1, name: SERVER.name }).isVisible();
    if (ready) return;
    await dismissNotifications(page);
    await pressRetryIfShown(page);
    await page.waitForTimeout(500);
  }
  await screenshot(page, "soak-server-page-not-loaded");
  throw new Error(`the server page did not load: ${await page.locator("main").innerText()}`);
}

/** Back to the server page the way a user goes: the Servers list, then the server's link. */
async function throughTheServersList(page) {
  await dismissNotifications(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  for (let i = 0; i < ATTEMPTS; i++) {
    if (await page.getByText("6 of 6 servers shown").isVisible()) break;
    await dismissNotifications(page);
    await pressRetryIfShown(page);
    await page.waitForTimeout(250);
  }
  await page.getByText("6 of 6 servers shown").waitFor();
  await page.getByRole("link", { name: SERVER.name, exact: true }).click();
  await page.waitForURL(/\/servers\/12345$/);
  await serverPageLoaded(page);
}

test("a session against a flaky API: nothing lost, nothing sent twice, no unsafe restore", { timeout: 600_000 }, async () => {
  const page = await newPage(browser);
  const failures = await watchFailures(page);
  const clicks = { create: 0, delete: 0, restore: 0 };
  const typedKept = [];
  // The panel's view of the API, in the order it saw it: list answers, created snapshots, restores.
  const events = [];
  page.on("response", (response) => {
    const request = response.request();
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/v1/snapshots/")) return;
    if (request.method() === "GET" || request.method() === "POST") {
      events.push({ kind: request.method(), path: url.pathname, status: response.status(), body: response.text().catch(() => "") });
    }
  });
  // What happened, in order, for the message of a failed check.
  const trail = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/restore/")) events.push({ kind: "restore" });
    if (request.method() !== "GET") trail.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  page.on("requestfinished", async (request) => {
    if (request.method() !== "GET") trail.push(`  -> ${(await request.response())?.status()}`);
  });
  page.on("requestfailed", (request) => {
    if (request.method() !== "GET") trail.push(`  -> failed ${request.failure()?.errorText}`);
  });

  await openSignedIn(page, SERVER.path);
  await serverPageLoaded(page);
  await setFaults(FLAKY);

  /** The API's truth (asked with faults off for a moment). */
  const apiSnapshots = async () => {
    await setFaults({});
    const list = (await api(`snapshots/?server_id=${SERVER.id}`)).body.results;
    await setFaults(FLAKY);
    return list;
  };

  async function create(name, description) {
    await dismissNotifications(page);
    await page.getByRole("button", { name: "Create snapshot" }).click();
    const box = dialog(page);
    await box.getByLabel("Name").fill(name);
    await box.getByLabel("Description (optional)").fill(description);
    for (let i = 0; i < ATTEMPTS; i++) {
      await dismissNotifications(page);
      clicks.create++;
      trail.push("click: Create snapshot");
      await clickAndSettle(page, () => box.getByRole("button", { name: "Create snapshot" }).click(),
        (r) => r.method() === "POST" && r.url().endsWith("/api/v1/snapshots/"));
      await answered(page);
      if (await box.count() === 0) return;
      await box.getByRole("alert").waitFor();
      // Failed: everything typed is still there for the next try.
      typedKept.push(await box.getByLabel("Name").inputValue() === name
        && await box.getByLabel("Description (optional)").inputValue() === description);
    }
    throw new Error(`could not create ${name}`);
  }

  /** Deletes snapshot `id` until the API no longer has it (a dropped answer may hide that it failed). */
  async function remove(id) {
    for (let round = 0; round < 5; round++) {
      await dismissNotifications(page);
      await rowOf(page, id).getByRole("button", { name: /^Delete / }).click();
      const box = dialog(page);
      await box.getByRole("heading", { name: "Delete this snapshot?" }).waitFor();
      for (let i = 0; i < ATTEMPTS && await box.count(); i++) {
        await dismissNotifications(page);
        clicks.delete++;
        trail.push("click: Delete snapshot");
        await clickAndSettle(page, () => box.getByRole("button", { name: "Delete snapshot" }).click(),
          (r) => r.method() === "DELETE");
        await answered(page);
      }
      if (!(await apiSnapshots()).some((s) => s.id === id)) return;
      // The panel took an answer for done that was not: a reload shows the truth.
      await page.reload();
      await serverPageLoaded(page);
    }
    throw new Error(`could not delete snapshot ${id}`);
  }

  /** Until the page shows the server active again. The page learns it from a refresh whose
   *  every request succeeded, and each 429 pauses refreshes for 20 s: after 20 s without news
   *  the robot reloads, as a user would. */
  async function untilServerActive() {
    for (let i = 0; i < 480; i++) {
      if (await page.locator(".page-head [data-status=active]").count()) return;
      if (i % 40 === 39) {
        await page.reload();
        await serverPageLoaded(page);
      }
      await page.waitForTimeout(500);
    }
    throw new Error("the server did not finish restoring");
  }

  /** A restore with the safety snapshot; returns whether it was started. */
  async function safeRestore() {
    await untilServerActive();
    await dismissNotifications(page);
    await snapshotRow(page, RESTORE_FROM).getByRole("button", { name: `Restore ${RESTORE_FROM}` }).click();
    const box = dialog(page);
    assert.ok(await box.getByLabel("Take a snapshot of the current state first").isChecked());
    await box.getByLabel(/Type the server's name/).fill(SERVER.name);
    clicks.restore++;
    trail.push("click: Restore");
    await box.getByRole("button", { name: "Restore" }).click();
    // Close is offered as soon as the restore is sent (it can no longer be cancelled); the
    // flow is over when the dialog states its outcome.
    await box.getByRole("status").waitFor({ timeout: 120_000 });
    const started = await box.getByText("The restore has started.").isVisible();
    if (!started) trail.push(`restore not started: ${(await box.getByRole("status").innerText())}`);
    await box.getByRole("button", { name: "Close" }).click();
    return started;
  }

  // Creates and deletes, with reloads and navigation between them.
  for (let i = 0; i < ROUNDS; i++) {
    const name = `soak-${i}`;
    await create(name, `soak test, round ${i}`);
    await snapshotRow(page, name).waitFor();
    if (i % 3 === 0) {
      await page.reload();
      await serverPageLoaded(page);
    } else if (i % 3 === 1) {
      await throughTheServersList(page);
    }
    const made = (await apiSnapshots()).filter((s) => s.name === name);
    assert.equal(made.length, 1, `${name} was made once`);
    await rowOf(page, made[0].id).waitFor();
    await remove(made[0].id);
  }

  // Restores with a safety snapshot, each safety snapshot deleted again to keep room. A try
  // goes through only if both its writes do (about 0.7 × 0.7 at this fault rate): ten tries per
  // restore make a run that gets fewer than it needs a chance of about 1 in 30,000 (with four
  // per restore, about 1 in 25).
  let restored = 0;
  for (let tries = 0; restored < RESTORES && tries < RESTORE_TRIES_EACH * RESTORES; tries++) {
    if (await safeRestore()) restored++;
    await page.reload();
    await serverPageLoaded(page);
    for (const safety of (await apiSnapshots()).filter((s) => s.name.startsWith("pre-restore-"))) {
      await untilServerActive();
      await serverPageLoaded(page);
      await rowOf(page, safety.id).waitFor({ timeout: 60_000 });
      await remove(safety.id);
    }
  }
  assert.equal(restored, RESTORES, `${RESTORES} restores with a safety snapshot went through:\n${trail.join("\n")}`);

  // The API's record of what the panel sent: at most one write per click (a click after a lost
  // answer may only look), and each snapshot made once (checked round by round above).
  await setFaults({});
  const log = await apiRequests();
  const count = (line) => log.filter((l) => l === line).length;
  const creates = count("POST /api/v1/snapshots/");
  assert.ok(creates >= ROUNDS + RESTORES && creates <= clicks.create + clicks.restore,
    `at most one create per click, one safety snapshot per restore (${creates} for ${JSON.stringify(clicks)}):\n${trail.join("\n")}`);
  const deletes = log.filter((l) => /^DELETE \/api\/v1\/snapshots\/\d+\/$/.test(l)).length;
  assert.ok(deletes >= ROUNDS && deletes <= clicks.delete, `at most one delete per click (${deletes} for ${clicks.delete})`);
  const restorePosts = log.filter((l) => /^POST \/api\/v1\/snapshots\/\d+\/restore\/$/.test(l)).length;
  assert.ok(restorePosts >= RESTORES && restorePosts <= clicks.restore, `${restorePosts} restores for ${clicks.restore} confirmations`);
  assert.ok(clicks.create >= ROUNDS && clicks.delete >= ROUNDS, JSON.stringify(clicks));
  assert.ok(typedKept.every(Boolean), "a failed create kept what was typed");

  // No restore without its safety snapshot seen completed since it was created.
  let safetyId = null;
  let safetyCompleted = false;
  let checkedRestores = 0;
  for (const event of events) {
    if (event.kind === "POST" && event.path === "/api/v1/snapshots/" && event.status === 201) {
      const made = JSON.parse(await event.body);
      if (/^pre-restore-/.test(made.name)) { safetyId = made.id; safetyCompleted = false; }
    } else if (event.kind === "GET" && event.status === 200 && safetyId !== null) {
      const text = await event.body;
      try {
        const listed = JSON.parse(text).results.find((s) => s.id === safetyId);
        if (listed?.status === "completed") safetyCompleted = true;
      } catch { /* a dropped answer: the panel could not read it either */ }
    } else if (event.kind === "restore") {
      assert.ok(safetyId !== null && safetyCompleted, "a restore was sent only after its safety snapshot was completed");
      checkedRestores++;
      safetyId = null;
    }
  }
  assert.equal(checkedRestores, restorePosts);

  // Every failure the user saw explained itself, and every failed load offered Retry.
  assert.ok(failures.length > 0, "the flaky API was seen failing");
  for (const failure of failures) {
    assert.ok(failure.text.length > 20, `explained: ${JSON.stringify(failure)}`);
    if (failure.panel) assert.ok(failure.retry, `a failed load offers Retry: ${failure.text}`);
  }

  // With the API healthy again, a reload shows exactly what the API has.
  await page.reload();
  await serverPageLoaded(page);
  await untilServerActive();
  const shown = await page.getByRole("table", { name: "Snapshots of this server" }).locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.querySelector("td").textContent.trim()).sort());
  const truth = (await api(`snapshots/?server_id=${SERVER.id}`)).body.results.map((s) => s.name).sort();
  assert.deepEqual(shown, truth);
  await page.getByText(`${truth.length} of 5 snapshots used`).waitFor();
  expectProblems(page, FAULT_LOGS);
  console.log(`soak: ${JSON.stringify(clicks)}, ${failures.length} failures shown, ${restorePosts} restores sent`);
  await page.context().close();
});
