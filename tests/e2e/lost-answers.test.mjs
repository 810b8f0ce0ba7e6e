// One intent, one write: a create, restore or delete whose answer is lost after the API acted
// (a proxy's 502, a dropped connection) is checked before anything is sent again. The
// simulator's write log shows one write per intent.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HTTP_ERROR_LOGS, TOKEN, api, browser, dialog, expectProblems, newPage, openServerPage, screenshot, setFaults,
  snapshotRow, url, useBrowser, writes,
} from "./harness.mjs";

useBrowser();

const LOST = [...HTTP_ERROR_LOGS, /Failed to load resource|ERR_/];

async function createIn(page, name) {
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill(name);
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
}

test("a create answered by a 502 after the API made it: 'made after all', shown, and sent once", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await setFaults({ error_rate: 1, mode: "lost-502", count: 1, method: "POST" });
  await createIn(page, "behind-a-502");
  await page.getByRole("status").filter({ hasText: "The API's answer was lost on the way back, but snapshot behind-a-502 was made after all." }).waitFor();
  await snapshotRow(page, "behind-a-502").waitFor();
  assert.equal(await dialog(page).count(), 0, "the dialog closed as after any create");
  await page.getByText("3 of 5 snapshots used").waitFor();
  await screenshot(page, "lost-answer-create-made-after-all");
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/"]);
  const named = (await api("snapshots/?server_id=12345")).body.results.filter((s) => s.name === "behind-a-502");
  assert.equal(named.length, 1, "one snapshot of that name");
  await page.context().close();
});

test("a create whose connection dropped after the API made it is not sent again", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await setFaults({ error_rate: 1, mode: "lost-drop", count: 1, method: "POST" });
  await createIn(page, "dropped-answer");
  await page.getByRole("status").filter({ hasText: "snapshot dropped-answer was made after all" }).waitFor();
  await snapshotRow(page, "dropped-answer").waitFor();
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/"]);
  await page.context().close();
});

test("a create that really failed with a 502 says so after checking; Retry keeps the name and makes one", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await setFaults({ error_rate: 1, mode: "html-502", count: 1, method: "POST" });
  await createIn(page, "retry-after-502");
  const box = dialog(page);
  await box.getByText("The API answered with HTTP 502 Bad Gateway. The panel checked: it did not take effect, so trying again is safe.").waitFor();
  await screenshot(page, "lost-answer-create-not-made");
  assert.equal(await box.getByLabel("Name").inputValue(), "retry-after-502", "what was typed is kept");
  await box.getByRole("button", { name: "Create snapshot" }).click();
  await snapshotRow(page, "retry-after-502").waitFor();
  const named = (await api("snapshots/?server_id=12345")).body.results.filter((s) => s.name === "retry-after-502");
  assert.equal(named.length, 1);
  // The refused write (the 502 came before the API acted) and the one that made it.
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/", "POST /api/v1/snapshots/"]);
  await page.context().close();
});

test("a restore whose answer was lost: 'started after all', the server restoring, sent once", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  const box = dialog(page);
  await box.getByLabel("Take a snapshot of the current state first").uncheck();
  await box.getByLabel(/Type the server's name/).fill("web-server-01");
  await setFaults({ error_rate: 1, mode: "lost-502", count: 1, method: "POST" });
  await box.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("status").filter({ hasText: "but the restore from pre-migration-snapshot started after all" }).waitFor();
  await page.locator(".page-head").getByText("restoring").waitFor();
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/801/restore/"]);
  await page.context().close();
});

test("a delete whose answer was lost: 'deleted after all', the row gone, sent once", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Delete pre-migration-snapshot" }).click();
  await setFaults({ error_rate: 1, mode: "lost-drop", count: 1, method: "DELETE" });
  await dialog(page).getByRole("button", { name: "Delete snapshot" }).click();
  await page.getByRole("status").filter({ hasText: "snapshot pre-migration-snapshot was deleted after all" }).waitFor();
  await snapshotRow(page, "pre-migration-snapshot").waitFor({ state: "detached" });
  assert.deepEqual(await writes(), ["DELETE /api/v1/snapshots/801/"]);
  await page.context().close();
});

test("a safe restore whose safety snapshot's answer was lost carries on with that snapshot: one of each write", async () => {
  const page = await openServerPage("/servers/12345");
  expectProblems(page, LOST);
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  const box = dialog(page);
  await box.getByLabel(/Type the server's name/).fill("web-server-01");
  await setFaults({ error_rate: 1, mode: "lost-502", count: 1, method: "POST" });
  await box.getByRole("button", { name: "Restore" }).click();
  await box.getByText("The restore has started.").waitFor({ timeout: 20_000 });
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/", "POST /api/v1/snapshots/801/restore/"]);
  const safety = (await api("snapshots/?server_id=12345")).body.results.filter((s) => /^pre-restore-/.test(s.name));
  assert.equal(safety.length, 1, "one safety snapshot");
  await page.context().close();
});

test("in Bengali: a lost create's outcome is said in Bengali", async () => {
  const page = await newPage(browser, { locale: "bn-BD" });
  expectProblems(page, LOST);
  await page.goto(url("/servers/12345"));
  await page.getByLabel("API টোকেন", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  const create = page.getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" });
  await page.locator(".quota").waitFor();
  await setFaults({ error_rate: 1, mode: "lost-502", count: 1, method: "POST" });
  await create.click();
  await dialog(page).getByLabel("নাম").fill("bn-lost-answer");
  await dialog(page).getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
  await page.getByRole("status").filter({ hasText: "API-র উত্তর ফেরার পথে হারিয়ে গেছে, তবে স্ন্যাপশট bn-lost-answer ঠিকই তৈরি হয়েছে।" }).waitFor();
  await screenshot(page, "bn-lost-answer-create");
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/"]);
  await page.context().close();
});
