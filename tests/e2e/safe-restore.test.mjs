// A restore with a safety snapshot first: the steps shown, Cancel while the snapshot is made,
// the limit, carrying on across pages, keyboard-only use and axe-core in each step.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  api, axeViolations, dialog, openServerPage, screenshot, snapshotRow, tabTo, useBrowser, writes,
} from "./harness.mjs";

useBrowser();

test("restore with a safety snapshot: saved, completed, then restored once, with the steps shown", async () => {
  const page = await openServerPage("/servers/12345");
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  const box = dialog(page);
  assert.ok(await box.getByLabel("Take a snapshot of the current state first").isChecked());
  await box.getByLabel(/Type the server's name/).fill("web-server-01");
  await box.getByRole("button", { name: "Restore" }).click();
  await box.getByText(/1\. Saving the current state as pre-restore-\d{8}-\d{4}…/).waitFor();
  await box.getByText("2. Restoring from pre-migration-snapshot…").waitFor();
  await screenshot(page, "restore-safety-saving");
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/"], "no restore while the safety snapshot is made");
  await box.locator("[data-state=done]").nth(1).waitFor({ timeout: 20_000 });
  await box.getByText("The restore has started.").waitFor();
  await screenshot(page, "restore-safety-started");
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/", "POST /api/v1/snapshots/801/restore/"]);
  const list = (await api("snapshots/?server_id=12345")).body.results;
  const safety = list.find((s) => /^pre-restore-\d{8}-\d{4}$/.test(s.name));
  assert.ok(safety, "the safety snapshot is kept");
  assert.equal(safety.status, "completed");
  assert.match(safety.description, /pre-migration-snapshot/);
  await page.getByRole("status").filter({ hasText: /The state before it was saved as pre-restore-/ }).waitFor();
  await box.getByRole("button", { name: "Close" }).click();
  await page.locator(".page-head").getByText("restoring").waitFor();
  await page.context().close();
});

test("a safe restore cancelled while its snapshot is made sends no restore and keeps the snapshot", async () => {
  const page = await openServerPage("/servers/12345");
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  const box = dialog(page);
  await box.getByLabel(/Type the server's name/).fill("web-server-01");
  await box.getByRole("button", { name: "Restore" }).click();
  await box.getByText(/Saving the current state as pre-restore-/).waitFor();
  await box.getByText(/Closing this tab before then cancels the restore/).waitFor();
  await box.getByRole("button", { name: "Cancel restore" }).click();
  await box.getByText(/Restore cancelled\. The safety snapshot pre-restore-\d{8}-\d{4} was kept\./).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(5_000);
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/"], "the restore was never sent");
  await page.context().close();
});

test("at 5 of 5 the safety snapshot cannot be offered, and the dialog says why", async () => {
  const page = await openServerPage("/servers/12346");
  await page.getByRole("button", { name: /^Restore / }).first().click();
  const saveFirst = dialog(page).getByLabel("Take a snapshot of the current state first");
  assert.ok(await saveFirst.isDisabled());
  assert.ok(!(await saveFirst.isChecked()));
  await dialog(page).getByText("already has 5 of 5 snapshots").waitFor();
  await page.keyboard.press("Escape");
  assert.deepEqual(await writes(), []);
  await page.context().close();
});

test("a safe restore carries on when the user goes to another page, and ends with a notification", async () => {
  const page = await openServerPage("/servers/12345");
  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  await dialog(page).getByLabel(/Type the server's name/).fill("web-server-01");
  await dialog(page).getByRole("button", { name: "Restore" }).click();
  await dialog(page).getByText(/Saving the current state as pre-restore-/).waitFor();
  await page.keyboard.press("Escape"); // hides the dialog; the restore goes on
  await dialog(page).waitFor({ state: "detached" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await page.waitForURL(/\/servers$/);
  await page.getByRole("status").filter({ hasText: /Restoring web-server-01 from pre-migration-snapshot\. The state before it was saved as pre-restore-/ })
    .waitFor({ timeout: 20_000 });
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/", "POST /api/v1/snapshots/801/restore/"]);
  await page.context().close();
});

test("a safe restore can be done with the keyboard alone", async () => {
  const page = await openServerPage("/servers/12345");
  await tabTo(page, page.getByRole("button", { name: "Restore pre-migration-snapshot" }));
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.keyboard.type("web-server-01"); // focus starts in the name field; the safety box is checked
  await page.keyboard.press("Enter");
  await dialog(page).getByText(/Saving the current state as pre-restore-/).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel restore", "focus stays in the dialog");
  await dialog(page).getByText("The restore has started.").waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Close");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor({ state: "detached" });
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/", "POST /api/v1/snapshots/801/restore/"]);
  await page.context().close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds nothing in each step of a safe restore (${colorScheme})`, async () => {
    const page = await openServerPage("/servers/12345", { colorScheme });
    await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
    await dialog(page).getByLabel(/Type the server's name/).fill("web-server-01");
    await dialog(page).getByRole("button", { name: "Restore" }).click();
    await dialog(page).getByRole("button", { name: "Cancel restore" }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "saving");
    await dialog(page).getByText("The restore has started.").waitFor({ timeout: 20_000 });
    assert.deepEqual(await axeViolations(page), [], "started");
    await screenshot(page, `restore-safety-started-${colorScheme}`);
    await page.context().close();
  });
}
