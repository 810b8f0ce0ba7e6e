// A token scoped to reading: who it is and what it may do are shown, and each kind of write the
// API refuses (403) is sent once, said in the API's words, and then offered no more: its
// buttons stay, disabled, with the reason, while what was typed is kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  REPO_ROOT, axeViolations, browser, dialog, expectProblems, newPage, screenshot, signIn, snapshotRow, startSimulator,
  useBrowser,
} from "./harness.mjs";

const READ_ONLY = "read-only-token";
const FORBIDDEN = "You do not have permission to perform this action.";
let sim;

useBrowser({ reset: false });
before(async () => {
  sim = await startSimulator(["--dist", join(REPO_ROOT, "dist"), "--token", "read-write-token",
    "--read-only-token", READ_ONLY, "--page-size", "2", "--control"]);
});
after(() => sim?.stop());

const writes = async () => (await fetch(`${sim.url}__devapi/requests`).then((r) => r.json()))
  .filter((line) => /^(POST|DELETE) /.test(line));

async function openAsReadOnly(options) {
  const page = await newPage(browser, options);
  expectProblems(page, [/status of 403/]);
  await page.goto(`${sim.url}servers/12345`);
  return page;
}

test("a read-only token: its name and permissions shown; each refused write sent once, then disabled with the reason", async () => {
  await fetch(`${sim.url}__devapi/reset`, { method: "POST" });
  const page = await openAsReadOnly();
  await signIn(page, { token: READ_ONLY, landing: (u) => u.pathname === "/servers/12345" });
  await page.getByText("Token: Read-only monitoring").waitFor();
  await page.getByText("Permissions: read").waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();

  // Create: the API's words in the form, the name kept, the button disabled with the reason.
  await page.getByRole("button", { name: "Create snapshot" }).click();
  const box = dialog(page);
  await box.getByLabel("Name").fill("not-allowed-here");
  await box.getByRole("button", { name: "Create snapshot" }).click();
  await box.getByText(FORBIDDEN).waitFor();
  assert.equal(await box.getByLabel("Name").inputValue(), "not-allowed-here");
  assert.ok(await box.getByRole("button", { name: "Create snapshot" }).isDisabled());
  await box.getByRole("button", { name: "Cancel" }).click();
  const create = page.getByRole("button", { name: "Create snapshot" });
  assert.ok(await create.isDisabled(), "create is offered no more");
  await page.locator("#create-blocked").getByText("Not allowed for this token.").waitFor();
  await page.locator("#refused-writes").getByText(`This token may not create snapshots. The API said: ${FORBIDDEN}`).waitFor();

  // Restore (without the safety snapshot, which would be a create): refused once, then disabled.
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  const saveFirst = box.getByLabel("Take a snapshot of the current state first");
  await box.getByLabel(/Type the server's name/).fill("web-server-01");
  // With the safety snapshot the restore needs a create, which this token may not do.
  assert.ok(await box.getByRole("button", { name: "Restore" }).isDisabled());
  await box.getByText("This token may not create snapshots.", { exact: false }).waitFor();
  await saveFirst.uncheck();
  await box.getByRole("button", { name: "Restore" }).click();
  await box.getByText(FORBIDDEN).first().waitFor();
  await box.getByRole("button", { name: "Cancel" }).click();
  const restoreButtons = page.getByRole("button", { name: /^Restore / });
  for (const button of await restoreButtons.all()) assert.ok(await button.isDisabled());
  await snapshotRow(page, "pre-migration-snapshot").getByText("Not allowed for this token.").waitFor();

  // Delete: the same.
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Delete pre-migration-snapshot" }).click();
  await box.getByRole("button", { name: "Delete snapshot" }).click();
  await box.getByText(FORBIDDEN).waitFor();
  await box.getByRole("button", { name: "Cancel" }).click();
  for (const button of await page.getByRole("button", { name: /^Delete / }).all()) assert.ok(await button.isDisabled());
  const notice = page.locator("#refused-writes");
  for (const kind of ["create", "restore", "delete"]) {
    await notice.getByText(`This token may not ${kind} snapshots. The API said: ${FORBIDDEN}`).waitFor();
  }
  await screenshot(page, "read-only-token-writes-disabled");
  assert.deepEqual(await axeViolations(page), []);

  // One write per kind, nothing retried; the rows are all still there.
  assert.deepEqual(await writes(), [
    "POST /api/v1/snapshots/", "POST /api/v1/snapshots/801/restore/", "DELETE /api/v1/snapshots/801/",
  ]);
  await page.waitForTimeout(1_000);
  assert.equal((await writes()).length, 3);
  await snapshotRow(page, "pre-migration-snapshot").waitFor();
  await page.context().close();
});

test("in Bengali: the refused create, in Bengali, with the permissions", async () => {
  await fetch(`${sim.url}__devapi/reset`, { method: "POST" });
  const page = await openAsReadOnly({ locale: "bn-BD" });
  await page.getByLabel("API টোকেন", { exact: true }).fill(READ_ONLY);
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  await page.getByText("অনুমতি: read").waitFor();
  await page.locator(".quota").waitFor();
  await page.getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
  await dialog(page).getByLabel("নাম").fill("bn-not-allowed");
  await dialog(page).getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
  await dialog(page).getByText(FORBIDDEN).waitFor();
  await page.keyboard.press("Escape");
  await page.locator("#refused-writes").getByText("এই টোকেন দিয়ে স্ন্যাপশট তৈরি করা যায় না।", { exact: false }).waitFor();
  await screenshot(page, "bn-read-only-token");
  await page.context().close();
});
