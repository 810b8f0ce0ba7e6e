// The write side against the simulator: create, restore and delete, their dialogs and gates,
// keyboard-only use and axe-core with each dialog open.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  activeElementId, api, axeViolations, dialog, expectProblems, HTTP_ERROR_LOGS, openServerPage, screenshot, setDelays, snapshotRow, tabTo, useBrowser, writes,
} from "./harness.mjs";

useBrowser();

test("an invalid name shows its reason next to the field and nothing is sent", async () => {
  const page = await openServerPage("/servers/12347");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).waitFor();
  assert.equal(await activeElementId(page), "snapshot-name", "focus starts in the Name field");
  const name = dialog(page).getByLabel("Name");
  assert.match(await name.inputValue(), /^staging-app-\d{8}-\d{4}$/, "a valid suggestion");
  await name.fill("before update!");
  await dialog(page).getByText("spaces cannot be used").waitFor();
  assert.equal(await name.getAttribute("aria-invalid"), "true");
  const described = await name.getAttribute("aria-describedby");
  assert.ok(described.includes("snapshot-name-problem"));
  await name.press("Enter");
  assert.ok(await dialog(page).getByRole("button", { name: "Create snapshot" }).isDisabled());
  await name.fill("");
  await dialog(page).getByText("Enter a name for the snapshot.").waitFor();
  assert.deepEqual(await writes(), [], "no request for an invalid name");
  await page.context().close();
});

test("a valid create shows in progress at once, then completed without a reload", async () => {
  const page = await openServerPage("/servers/12345");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByText("This server is running.").waitFor();
  await dialog(page).getByLabel("Name").fill("e2e-before-upgrade");
  await dialog(page).getByLabel("Description (optional)").fill("Made by the e2e test");
  await screenshot(page, "create-dialog");
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).waitFor({ state: "detached" });
  const created = snapshotRow(page, "e2e-before-upgrade");
  await created.locator("[data-status=in_progress]").waitFor();
  await page.getByRole("status").filter({ hasText: "Snapshot is being created" }).waitFor();
  await page.getByText("3 of 5 snapshots used").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Create snapshot", "focus is back on the opener");
  await created.locator("[data-status=completed]").waitFor({ timeout: 15_000 });
  assert.match(await created.innerText(), /GB|MB/, "a size once completed");
  await page.locator("p[role=status]").filter({ hasText: "Snapshot e2e-before-upgrade is now completed." }).waitFor();
  const posts = (await writes()).filter((w) => w.startsWith("POST /api/v1/snapshots/"));
  assert.equal(posts.length, 1);
  await page.context().close();
});

test("at the limit the create action is disabled, says why, and sends nothing", async () => {
  const page = await openServerPage("/servers/12346");
  const create = page.getByRole("button", { name: "Create snapshot" });
  assert.ok(await create.isDisabled());
  await page.getByText("delete one to create another").waitFor();
  await create.click({ force: true });
  assert.equal(await dialog(page).count(), 0);
  assert.deepEqual(await writes(), []);
  await page.context().close();
});

test("a double click on Create sends one request", async () => {
  const page = await openServerPage("/servers/12347");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("double-click");
  await dialog(page).getByRole("button", { name: "Create snapshot" }).dblclick();
  await snapshotRow(page, "double-click").waitFor();
  assert.equal((await writes()).length, 1);
  await page.context().close();
});

test("a server-side 400 is shown in the form and everything typed is kept", async () => {
  const page = await openServerPage("/servers/12347");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("kept-name");
  await dialog(page).getByLabel("Description (optional)").fill("kept description");
  // Another client fills the quota meanwhile, so the API refuses this one.
  for (let i = 0; i < 5; i++) {
    assert.equal((await api("snapshots/", { method: "POST", body: { server_id: 12347, name: `other-${i}` } })).status, 201);
  }
  await dialog(page).getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByRole("alert").filter({ hasText: "Snapshot limit reached" }).waitFor();
  assert.equal(await dialog(page).getByLabel("Name").inputValue(), "kept-name");
  assert.equal(await dialog(page).getByLabel("Description (optional)").inputValue(), "kept description");
  const failed = page.getByRole("alert").filter({ hasText: "Could not create snapshot kept-name" });
  await failed.waitFor();
  await page.waitForTimeout(9_000);
  assert.equal(await failed.count(), 1, "a failure stays until dismissed");
  await failed.getByRole("button", { name: "Dismiss notification" }).click();
  await failed.waitFor({ state: "detached" });
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("restore is gated by the typed name; Cancel and Escape send nothing; success shows restoring, then clears", async () => {
  const page = await openServerPage("/servers/12345");
  const restoreButton = snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" });
  await restoreButton.click();
  const box = dialog(page);
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /web-server-01/);
  assert.match(text, /pre-migration-snapshot/);
  assert.match(text, /15 Jan 2025, 18:30 UTC/);
  assert.match(text, /All current data on web-server-01 will be overwritten/);
  assert.match(text, /cannot be undone/);
  assert.match(text, /stopped first/);
  assert.equal(await activeElementId(page), "restore-confirm");
  const confirm = box.getByRole("button", { name: "Restore" });
  assert.ok(await confirm.isDisabled());
  await box.getByLabel(/Type the server's name/).fill("web-server-0");
  assert.ok(await confirm.isDisabled(), "a partial name keeps Restore disabled");
  await box.getByLabel(/Type the server's name/).press("Enter");
  await screenshot(page, "restore-dialog");
  await box.getByRole("button", { name: "Cancel" }).click();
  await box.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Restore pre-migration-snapshot");
  await restoreButton.click();
  await dialog(page).waitFor();
  await page.keyboard.press("Escape");
  await dialog(page).waitFor({ state: "detached" });
  assert.deepEqual(await writes(), [], "Cancel and Escape send nothing");

  await restoreButton.click();
  const saveFirst = dialog(page).getByLabel("Take a snapshot of the current state first");
  assert.ok(await saveFirst.isChecked(), "a safety snapshot is the default when there is room");
  await saveFirst.uncheck(); // unchecked, the restore goes as it always did
  await dialog(page).getByLabel(/Type the server's name/).fill("web-server-01");
  await dialog(page).getByRole("button", { name: "Restore" }).click();
  await dialog(page).waitFor({ state: "detached" });
  await page.locator(".page-head").getByText("restoring").waitFor();
  await page.getByRole("status").filter({ hasText: "Server is being restored" }).waitFor();
  assert.ok(await restoreButton.isDisabled());
  await snapshotRow(page, "pre-migration-snapshot").getByText("Unavailable while the server is restoring.").waitFor();
  assert.deepEqual(await writes(), ["POST /api/v1/snapshots/801/restore/"]);
  await page.locator(".page-head").getByText("active").waitFor({ timeout: 15_000 });
  assert.ok(!(await restoreButton.isDisabled()));
  await page.context().close();
});

test("restore is disabled with its reason for a snapshot still in progress", async () => {
  // In progress for as long as the test looks, however slowly the page opens.
  await setDelays({ create_delay_ms: 60_000 });
  assert.equal((await api("snapshots/", { method: "POST", body: { server_id: 12345, name: "fresh" } })).status, 201);
  const page = await openServerPage("/servers/12345");
  const fresh = snapshotRow(page, "fresh");
  assert.ok(await fresh.getByRole("button", { name: "Restore fresh" }).isDisabled());
  await fresh.getByText("Available once the snapshot is completed.").waitFor();
  await page.context().close();
});

test("delete removes the row and updates the quota; an already-deleted snapshot goes with a notice", async () => {
  const page = await openServerPage("/servers/12345");
  await snapshotRow(page, "weekly-snapshot-2025-01-08").getByRole("button", { name: "Delete weekly-snapshot-2025-01-08" }).click();
  const box = dialog(page);
  await box.getByText("deleted permanently").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "focus starts on Cancel");
  await screenshot(page, "delete-dialog");
  await box.getByRole("button", { name: "Delete snapshot" }).click();
  await box.waitFor({ state: "detached" });
  await snapshotRow(page, "weekly-snapshot-2025-01-08").waitFor({ state: "detached" });
  await page.getByText("1 of 5 snapshots used").waitFor();
  const done = page.getByRole("status").filter({ hasText: "weekly-snapshot-2025-01-08 was deleted" });
  await done.waitFor();
  await done.waitFor({ state: "detached", timeout: 12_000 }); // successes hide by themselves

  await snapshotRow(page, "pre-migration-snapshot").getByRole("button", { name: "Delete pre-migration-snapshot" }).click();
  assert.equal((await api("snapshots/801/", { method: "DELETE" })).status, 204);
  await dialog(page).getByRole("button", { name: "Delete snapshot" }).click();
  await snapshotRow(page, "pre-migration-snapshot").waitFor({ state: "detached" });
  await page.getByRole("status").filter({ hasText: "had already been deleted" }).waitFor();
  await page.getByText("No snapshots yet.").waitFor();
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("create, restore and delete can each be done with the keyboard alone", async () => {
  const page = await openServerPage("/servers/12347");
  await tabTo(page, page.getByRole("button", { name: "Create snapshot" }));
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("keyboard-made");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor({ state: "detached" });
  await snapshotRow(page, "keyboard-made").locator("[data-status=completed]").waitFor({ timeout: 15_000 });

  await tabTo(page, page.getByRole("button", { name: "Restore keyboard-made" }));
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.keyboard.type("staging-app");
  await page.keyboard.press("Shift+Tab"); // to "Take a snapshot of the current state first"
  await page.keyboard.press("Space");
  assert.ok(!(await dialog(page).getByLabel("Take a snapshot of the current state first").isChecked()));
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await dialog(page).waitFor({ state: "detached" });
  await page.locator(".page-head").getByText("restoring").waitFor();

  await tabTo(page, page.getByRole("button", { name: "Delete keyboard-made" }));
  await page.keyboard.press("Enter");
  await dialog(page).waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await snapshotRow(page, "keyboard-made").waitFor({ state: "detached" });
  const sent = await writes();
  assert.equal(sent.length, 3, sent.join("\n"));
  await page.context().close();
});

test("Tab stays inside an open dialog", async () => {
  const page = await openServerPage("/servers/12347");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).waitFor();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i % 3 === 2 ? "Shift+Tab" : "Tab");
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest("[role=dialog]")), `press ${i}`);
  }
  await page.context().close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds nothing with each dialog open (${colorScheme})`, async () => {
    const page = await openServerPage("/servers/12345", { colorScheme });
    const open = [
      ["create", () => page.getByRole("button", { name: "Create snapshot" }).click()],
      ["restore", () => page.getByRole("button", { name: "Restore pre-migration-snapshot" }).click()],
      ["delete", () => page.getByRole("button", { name: "Delete pre-migration-snapshot" }).click()],
    ];
    for (const [name, click] of open) {
      await click();
      await dialog(page).waitFor();
      assert.equal(await dialog(page).getAttribute("aria-modal"), "true");
      assert.deepEqual(await axeViolations(page), [], name);
      await screenshot(page, `dialog-${name}-${colorScheme}`);
      await page.keyboard.press("Escape");
      await dialog(page).waitFor({ state: "detached" });
    }
    await page.context().close();
  });
}
