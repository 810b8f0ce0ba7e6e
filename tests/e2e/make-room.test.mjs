// At the snapshot limit the panel offers to make room: the server's snapshots oldest first with
// their date and size, a delete through the usual confirmation, then what the user was doing.
// db-primary (12346) has 5 of 5 snapshots in the seed data.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HTTP_ERROR_LOGS, api, axeViolations, browser, expectProblems, newPage, openSignedIn, screenshot, tabTo, useBrowser, writes,
  dialog,
} from "./harness.mjs";

useBrowser();

const OLDEST_FIRST = ["db-weekly-2024-12-16", "db-weekly-2024-12-23", "db-weekly-2024-12-30", "before-pg16-upgrade", "db-weekly-2025-01-06"];

async function dbPrimary(options) {
  const page = await newPage(browser, options);
  await openSignedIn(page, "/servers/12346");
  await page.getByText("5 of 5 snapshots used").waitFor();
  return page;
}

/** The names in the Make room dialog's list, top to bottom. */
const listed = (page) => dialog(page).locator("tbody tr").evaluateAll(
  (rows) => rows.map((row) => row.querySelector("td").firstChild.textContent.trim()));

test("at 5 of 5, Make room lists the oldest first with date and size, and a delete carries on to Create", async () => {
  const page = await dbPrimary();
  assert.ok(await page.getByRole("button", { name: "Create snapshot" }).isDisabled(), "create stays disabled at the limit");
  await page.getByRole("button", { name: "Make room…" }).click();
  const box = dialog(page);
  await box.getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
  await box.getByText("Delete one to create a new snapshot").waitFor();
  assert.deepEqual(await listed(page), OLDEST_FIRST);
  const oldest = box.locator("tbody tr").first();
  assert.match(await oldest.innerText(), /16 Dec 2024, 02:00 UTC/, "the date");
  assert.match(await oldest.innerText(), /20(\.0)? GB/, "the size");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "focus starts on Cancel");
  await screenshot(page, "make-room-dialog");

  // The usual confirmation; its Cancel goes back to the list and sends nothing.
  await box.getByRole("button", { name: "Delete db-weekly-2024-12-16" }).click();
  await box.getByRole("heading", { name: "Delete this snapshot?" }).waitFor();
  await box.getByText("Once it is deleted, the panel goes on to create your snapshot.").waitFor();
  await screenshot(page, "make-room-delete-then-create");
  await box.getByRole("button", { name: "Cancel" }).click();
  await box.getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
  assert.deepEqual(await writes(), []);

  await box.getByRole("button", { name: "Delete db-weekly-2024-12-16" }).click();
  await box.getByRole("button", { name: "Delete snapshot" }).click();
  // Carried on: the create form, with room for it.
  await box.getByRole("heading", { name: "Create a snapshot of db-primary" }).waitFor();
  await page.getByText("4 of 5 snapshots used").waitFor();
  await page.getByRole("status").filter({ hasText: "Snapshot db-weekly-2024-12-16 was deleted." }).waitFor();
  await box.getByLabel("Name").fill("after-making-room");
  await box.getByRole("button", { name: "Create snapshot" }).click();
  await box.waitFor({ state: "detached" });
  await page.getByText("5 of 5 snapshots used").waitFor();
  assert.deepEqual(await writes(), ["DELETE /api/v1/snapshots/790/", "POST /api/v1/snapshots/"]);
  const names = (await api("snapshots/?server_id=12346")).body.results.map((s) => s.name);
  assert.ok(names.includes("after-making-room") && !names.includes("db-weekly-2024-12-16"));
  await page.context().close();
});

test("restore at 5 of 5: make room, then the restore goes on with its safety snapshot", async () => {
  const page = await dbPrimary();
  await page.getByRole("button", { name: "Restore before-pg16-upgrade" }).click();
  const box = dialog(page);
  assert.ok(await box.getByLabel("Take a snapshot of the current state first").isDisabled());
  await screenshot(page, "restore-at-limit-make-room");
  await box.getByRole("button", { name: "Make room…" }).click();
  await box.getByText("Delete one to take a safety snapshot before restoring from before-pg16-upgrade").waitFor();
  assert.deepEqual(await listed(page), OLDEST_FIRST.filter((n) => n !== "before-pg16-upgrade"),
    "the snapshot to restore from is not offered");
  await box.getByRole("button", { name: "Delete db-weekly-2024-12-16" }).click();
  await box.getByText("Once it is deleted, the panel goes back to the restore").waitFor();
  await box.getByRole("button", { name: "Delete snapshot" }).click();

  await box.getByRole("heading", { name: "Restore db-primary from a snapshot?" }).waitFor();
  const saveFirst = box.getByLabel("Take a snapshot of the current state first");
  await screenshot(page, "restore-after-making-room");
  assert.ok(await saveFirst.isEnabled());
  assert.ok(await saveFirst.isChecked(), "with room, the safety snapshot is offered again");
  await box.getByLabel(/Type the server's name/).fill("db-primary");
  await box.getByRole("button", { name: "Restore" }).click();
  await box.getByText("The restore has started.").waitFor({ timeout: 20_000 });
  assert.deepEqual(await writes(), [
    "DELETE /api/v1/snapshots/790/", "POST /api/v1/snapshots/", "POST /api/v1/snapshots/793/restore/",
  ]);
  await page.context().close();
});

test("a create refused at the limit (reached elsewhere) offers to make room, keeping what was typed", async () => {
  // Another client fills the last place after the page loaded with 4 of 5.
  assert.equal((await api("snapshots/790/", { method: "DELETE" })).status, 204);
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12346");
  await page.getByText("4 of 5 snapshots used").waitFor();
  assert.equal((await api("snapshots/", { method: "POST", body: { server_id: 12346, name: "from-elsewhere" } })).status, 201);
  await page.getByRole("button", { name: "Create snapshot" }).click();
  const box = dialog(page);
  await box.getByLabel("Name").fill("mine");
  await box.getByLabel("Description (optional)").fill("typed before the refusal");
  await box.getByRole("button", { name: "Create snapshot" }).click();
  await box.getByRole("alert").waitFor();
  await box.getByText("This server now has 5 of 5 snapshots.").waitFor();
  assert.equal(await box.getByLabel("Name").inputValue(), "mine");
  assert.equal(await box.getByLabel("Description (optional)").inputValue(), "typed before the refusal");
  await box.getByRole("button", { name: "Make room…" }).click();
  await box.getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
  assert.equal((await listed(page)).at(-1), "from-elsewhere", "the newest is last");
  expectProblems(page, HTTP_ERROR_LOGS);
  await page.context().close();
});

test("making room works with the keyboard alone", async () => {
  const page = await dbPrimary();
  await tabTo(page, page.getByRole("button", { name: "Make room…" }));
  await page.keyboard.press("Enter");
  await dialog(page).getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
  await page.keyboard.press("Shift+Tab"); // from Cancel back to the last Delete
  await page.keyboard.press("Enter");
  await dialog(page).getByRole("heading", { name: "Delete this snapshot?" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cancel", "the confirmation starts on Cancel");
  await page.keyboard.press("Escape");
  await dialog(page).getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
  await page.keyboard.press("Escape");
  await dialog(page).waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Make room…", "focus is back on the opener");
  assert.deepEqual(await writes(), []);
  await page.context().close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds nothing with Make room open (${colorScheme})`, async () => {
    const page = await dbPrimary({ colorScheme });
    await page.getByRole("button", { name: "Make room…" }).click();
    await dialog(page).getByRole("heading", { name: "Make room for a snapshot" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `make-room-dialog-${colorScheme}`);
    await page.context().close();
  });
}
