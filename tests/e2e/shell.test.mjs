import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, newPage, screenshot, url, useBrowser } from "./harness.mjs";

useBrowser({ reset: false });

test("the panel loads and shows its shell with no console or page error", async () => {
  const page = await newPage(browser);
  await page.goto(url("/"));
  await page.getByRole("banner").getByText("VPS Panel").waitFor();
  assert.equal(await page.getByRole("main").count(), 1);
  assert.match(await page.title(), /VPS Panel$/);
  await screenshot(page, "shell");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
