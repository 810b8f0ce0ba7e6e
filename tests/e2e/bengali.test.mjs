// The panel in Bengali: a Bengali browser gets it on the first visit, the core flows (sign-in,
// list, create, restore, delete) work with the Bengali labels, switching in place keeps what
// was typed, axe-core finds nothing in either theme, and nothing overflows from 360 to 1440 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  REPO_ROOT, TOKEN, axeViolations, browser, expectProblems, newPage, openSignedIn, screenshot, url, useBrowser, writes,
  dialog,
} from "./harness.mjs";
import { copyFileSync } from "node:fs";
import { join } from "node:path";

useBrowser();

const BENGALI = { locale: "bn-BD" };
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** UI words that must not be left in English on a Bengali page (API text may be English). */
const ENGLISH_UI = ["Sign out", "Servers", "Snapshots", "Status", "Location", "Create snapshot", "Restore", "Delete", "Loading", "of 5"];

async function englishLeft(page) {
  const text = await page.locator("body").innerText();
  return ENGLISH_UI.filter((words) => new RegExp(`\\b${words}\\b`).test(text));
}

/** Sign-in through the Bengali form; lands on the servers page. */
async function signInInBengali(page, path = "/servers") {
  await page.goto(url(path));
  await page.getByRole("heading", { name: "সাইন ইন" }).waitFor();
  await page.getByLabel("API টোকেন", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  await page.waitForURL((u) => u.pathname.startsWith(path));
}

/** Copies a screenshot already taken into docs/, for the README. */
const toDocs = (name) =>
  copyFileSync(join(REPO_ROOT, "tests/e2e/artifacts", `${name}.png`), join(REPO_ROOT, "docs", `${name}.png`));

/** Takes a screenshot and keeps it in docs/ as well. */
async function keep(page, name) {
  await screenshot(page, name);
  toDocs(name);
}

test("a Bengali browser gets the panel in Bengali from the first visit: sign-in and the servers list", async () => {
  const page = await newPage(browser, BENGALI);
  await page.goto(url("/servers"));
  await page.getByRole("heading", { name: "সাইন ইন" }).waitFor();
  assert.equal(await htmlLang(page), "bn");
  assert.equal(await page.title(), "সাইন ইন · VPS Panel");
  const select = page.getByLabel("Language / ভাষা");
  assert.equal(await select.inputValue(), "bn");
  await keep(page, "bn-sign-in");
  // A wrong token is explained in Bengali.
  await page.getByLabel("API টোকেন", { exact: true }).fill("not-a-token");
  await page.getByRole("button", { name: "সাইন ইন" }).click();
  await page.getByText("টোকেনটি গৃহীত হয়নি।").waitFor();
  await signInInBengali(page);
  const table = page.getByRole("table", { name: "সার্ভার" });
  await table.waitFor();
  await page.getByText("৬টি সার্ভারের মধ্যে ৬টি দেখানো হচ্ছে").waitFor();
  await page.getByRole("navigation", { name: "প্রধান মেনু" }).getByRole("link", { name: "স্ন্যাপশট" }).waitFor();
  // The snapshot counts in Bengali digits, the statuses in Bengali words.
  await table.locator("tr", { hasText: "web-server-01" }).getByText("৫টির মধ্যে ২টি").waitFor();
  await table.locator("tr", { hasText: "db-primary" }).getByText("সীমা পূর্ণ").waitFor();
  await table.locator("tr", { hasText: "staging-app" }).getByText("বন্ধ").waitFor();
  // A documented status is translated; one the docs do not list is shown as the API sent it.
  await table.locator("tr", { hasText: "build-runner" }).getByText("maintenance").waitFor();
  // Search, filters and sort headers are Bengali too.
  await page.getByLabel("খুঁজুন").fill("web");
  await page.getByText("৬টি সার্ভারের মধ্যে ১টি দেখানো হচ্ছে").waitFor();
  await page.getByLabel("খুঁজুন").fill("");
  await page.getByRole("button", { name: /^নাম/ }).waitFor();
  assert.deepEqual(await englishLeft(page), []);
  await keep(page, "bn-servers");
  expectProblems(page, [/status of 401/]);
  await page.context().close();
});

test("in Bengali: create, delete and restore a snapshot with the Bengali labels", async () => {
  const page = await newPage(browser, BENGALI);
  await signInInBengali(page, "/servers/12345");
  await page.getByText("৫টির মধ্যে ২টি স্ন্যাপশট ব্যবহৃত").waitFor();
  assert.equal(await page.title(), "web-server-01 · VPS Panel");

  // Create.
  await page.getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
  await dialog(page).getByRole("heading", { name: "web-server-01-এর একটি স্ন্যাপশট তৈরি করুন" }).waitFor();
  await dialog(page).getByText("এই সার্ভারটি চালু আছে।").waitFor();
  const name = dialog(page).getByLabel("নাম");
  await name.fill("before upgrade");
  await dialog(page).getByText("ফাঁকা জায়গা ব্যবহার করা যাবে না").waitFor();
  await name.fill("bn-before-upgrade");
  await dialog(page).getByLabel("বর্ণনা (ঐচ্ছিক)").fill("বাংলা বর্ণনা");
  await keep(page, "bn-create-dialog");
  await dialog(page).getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
  await dialog(page).waitFor({ state: "detached" });
  await page.getByText("৫টির মধ্যে ৩টি স্ন্যাপশট ব্যবহৃত").waitFor();
  const rows = page.getByRole("table", { name: "এই সার্ভারের স্ন্যাপশট" });
  const created = rows.locator("tr", { hasText: "bn-before-upgrade" });
  await created.getByText("চলছে").waitFor();
  await created.locator("[data-status=completed]").waitFor({ timeout: 15_000 });
  await created.getByText("সম্পন্ন").waitFor();
  await created.getByText("বাংলা বর্ণনা").waitFor();
  await page.locator("p[role=status]").filter({ hasText: "স্ন্যাপশট bn-before-upgrade এখন সম্পন্ন।" }).waitFor();
  // Dates and sizes in Bengali: "১৫ জানু, ২০২৫, ১৮:৩০ UTC" style, "… GB".
  assert.match(await created.innerText(), /[০-৯]+ [^\s,]+, [০-৯]{4}, [০-৯]{2}:[০-৯]{2} UTC/);
  assert.match(await created.innerText(), /[০-৯.]+ (MB|GB)/);

  // Delete it again.
  await created.getByRole("button", { name: /^মুছুন/ }).click();
  await dialog(page).getByRole("heading", { name: "এই স্ন্যাপশটটি মুছবেন?" }).waitFor();
  await dialog(page).getByText("স্থায়ীভাবে মুছে ফেলা হবে").waitFor();
  await keep(page, "bn-delete-dialog");
  await dialog(page).getByRole("button", { name: "স্ন্যাপশট মুছুন" }).click();
  await page.getByRole("status").filter({ hasText: "স্ন্যাপশট bn-before-upgrade সফলভাবে মুছে ফেলা হয়েছে।" }).waitFor();
  await page.getByText("৫টির মধ্যে ২টি স্ন্যাপশট ব্যবহৃত").waitFor();

  // Restore, without a safety snapshot, gated on the server's name.
  const first = rows.locator("tbody tr").first();
  await first.getByRole("button", { name: /^পুনরুদ্ধার করুন/ }).click();
  await dialog(page).getByRole("heading", { name: "web-server-01 কি একটি স্ন্যাপশট থেকে পুনরুদ্ধার করবেন?" }).waitFor();
  await dialog(page).getByText("এই ক্রিয়াটি পূর্বাবস্থায় ফেরানো যাবে না।").waitFor();
  await dialog(page).getByLabel("আগে বর্তমান অবস্থার একটি স্ন্যাপশট নিন").uncheck();
  const restore = dialog(page).getByRole("button", { name: "পুনরুদ্ধার করুন" });
  assert.ok(await restore.isDisabled());
  await dialog(page).getByLabel(/নিশ্চিত করতে সার্ভারের নাম/).fill("web-server-01");
  await keep(page, "bn-restore-dialog");
  await restore.click();
  await dialog(page).waitFor({ state: "detached" });
  await page.locator(".page-head").getByText("পুনরুদ্ধার হচ্ছে").waitFor();
  const sent = await writes();
  assert.equal(sent.filter((w) => w.startsWith("POST /api/v1/snapshots/") && !w.includes("restore")).length, 1, sent.join("\n"));
  assert.equal(sent.filter((w) => w.startsWith("DELETE ")).length, 1, sent.join("\n"));
  assert.equal(sent.filter((w) => w.includes("/restore/")).length, 1, sent.join("\n"));
  assert.deepEqual(await englishLeft(page), []);
  await page.context().close();
});

test("switching language re-renders in place, keeps what was typed, and is remembered", async () => {
  const page = await newPage(browser);
  await openSignedIn(page, "/servers/12345");
  assert.equal(await htmlLang(page), "en");
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog(page).getByLabel("Name").fill("typed-before-switch");
  await dialog(page).getByLabel("Description (optional)").fill("kept");
  // The header's select is behind the modal: switch as a keyboard user would after closing,
  // or (here) by script, as the select itself is tested by its label below.
  await page.evaluate(() => {
    const select = document.querySelector(".app-header select");
    select.value = "bn";
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await dialog(page).getByRole("heading", { name: "web-server-01-এর একটি স্ন্যাপশট তৈরি করুন" }).waitFor();
  assert.equal(await dialog(page).getByLabel("নাম").inputValue(), "typed-before-switch");
  assert.equal(await dialog(page).getByLabel("বর্ণনা (ঐচ্ছিক)").inputValue(), "kept");
  assert.equal(await htmlLang(page), "bn");
  await dialog(page).getByRole("button", { name: "বাতিল" }).click();
  // A reload keeps the choice (localStorage), and the token stays in sessionStorage only.
  await page.reload();
  await page.getByText("৫টির মধ্যে ২টি স্ন্যাপশট ব্যবহৃত").waitFor();
  const storage = await page.evaluate(() => ({ ...localStorage }));
  assert.deepEqual(storage, { "vps-panel.language": "bn" });
  // Back to English with the labelled select.
  await page.getByLabel("Language / ভাষা").selectOption("en");
  await page.getByText("2 of 5 snapshots used").waitFor();
  assert.equal(await htmlLang(page), "en");
  await page.context().close();
});

const PAGES = [
  { name: "servers", path: "/servers", ready: (p) => p.getByRole("table", { name: "সার্ভার" }) },
  { name: "server", path: "/servers/12345", ready: (p) => p.getByRole("table", { name: "এই সার্ভারের স্ন্যাপশট" }) },
  { name: "server-full", path: "/servers/12346", ready: (p) => p.getByText("৫টির মধ্যে ৫টি স্ন্যাপশট ব্যবহৃত") },
  { name: "snapshots", path: "/snapshots", ready: (p) => p.getByRole("table", { name: "সমস্ত স্ন্যাপশট" }) },
  { name: "server-not-found", path: "/servers/99999", ready: (p) => p.getByRole("heading", { name: "সার্ভারটি পাওয়া যায়নি" }) },
];

/** Whether anything sticks out sideways: the page scrolls horizontally, or a control's text
 *  is wider than its box. */
const overflow = (page) => page.evaluate(() => {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    found.push(`page ${document.documentElement.scrollWidth} px wide in ${window.innerWidth}`);
  }
  for (const el of document.querySelectorAll("button, a.button, label, th, h1, h2, .badge, select")) {
    if (el.closest("[hidden]") || el.closest(".visually-hidden")) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "auto") {
      found.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  return found;
});

for (const colorScheme of ["light", "dark"]) {
  test(`in Bengali every page and dialog passes axe-core and fits from 360 to 1440 px (${colorScheme})`, async () => {
    const page = await newPage(browser, { ...BENGALI, colorScheme, width: 1440, height: 900 });
    // The sign-in page first, at every width.
    await page.goto(url("/sign-in"));
    for (const width of [1440, 1024, 768, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole("heading", { name: "সাইন ইন" }).waitFor();
      assert.deepEqual(await overflow(page), [], `sign-in at ${width} px`);
    }
    assert.deepEqual(await axeViolations(page), [], "sign-in");
    await signInInBengali(page);
    for (const width of [1440, 1024, 768, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const { name, path, ready } of PAGES) {
        await page.goto(url(path));
        await ready(page).waitFor();
        await page.waitForFunction(() => !document.body.textContent.includes("সম্পূর্ণ হয়নি"));
        assert.deepEqual(await overflow(page), [], `${name} at ${width} px`);
        if (width === 1440 || width === 360) {
          assert.deepEqual(await axeViolations(page), [], `${name} at ${width} px`);
          await screenshot(page, `bn-${name}-${colorScheme}-${width}`);
        }
      }
      await page.goto(url("/servers/12345"));
      const rows = page.getByRole("table", { name: "এই সার্ভারের স্ন্যাপশট" });
      await rows.locator("tbody tr").first().getByRole("button", { name: /^পুনরুদ্ধার করুন/ }).click();
      await dialog(page).waitFor();
      assert.deepEqual(await overflow(page), [], `restore dialog at ${width} px`);
      if (width === 1440 || width === 360) {
        assert.deepEqual(await axeViolations(page), [], `restore dialog at ${width} px`);
        await screenshot(page, `bn-restore-${colorScheme}-${width}`);
      }
      await dialog(page).getByRole("button", { name: "বাতিল" }).click();
      await rows.locator("tbody tr").first().getByRole("button", { name: /^মুছুন/ }).click();
      await dialog(page).getByRole("heading", { name: "এই স্ন্যাপশটটি মুছবেন?" }).waitFor();
      assert.deepEqual(await overflow(page), [], `delete dialog at ${width} px`);
      await dialog(page).getByRole("button", { name: "বাতিল" }).click();
      await page.getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).click();
      await dialog(page).getByLabel("নাম").waitFor();
      assert.deepEqual(await overflow(page), [], `create dialog at ${width} px`);
      await dialog(page).getByRole("button", { name: "বাতিল" }).click();
      // At the limit: the reason, Make room… and its dialog.
      await page.goto(url("/servers/12346"));
      await page.getByText("নতুন একটি তৈরি করতে একটি মুছুন").waitFor();
      assert.deepEqual(await overflow(page), [], `server at the limit at ${width} px`);
      await page.getByRole("button", { name: "জায়গা করুন…" }).click();
      await dialog(page).getByRole("heading", { name: "একটি স্ন্যাপশটের জায়গা করুন" }).waitFor();
      assert.deepEqual(await overflow(page), [], `make-room dialog at ${width} px`);
      if (width === 1440 || width === 360) {
        assert.deepEqual(await axeViolations(page), [], `make-room dialog at ${width} px`);
        await screenshot(page, `bn-make-room-${colorScheme}-${width}`);
      }
    }
    if (colorScheme === "dark") toDocs("bn-restore-dark-360");
    await page.context().close();
  });
}
