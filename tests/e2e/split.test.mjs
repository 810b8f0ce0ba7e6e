// The release wasm leaves one server's page, the all-snapshots page, the fleet's dialogs and
// the Activity page out of a first visit (src/split_pages.rs), and the code that finds where a
// body does not read (src/api/decode.rs): each arrives as lazy-*.wasm chunks when first needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, expectProblems, newPage, screenshot, setFaults, signIn, url, useBrowser } from "./harness.mjs";

useBrowser();

/** The servers list has every page (rows move while pages arrive: a click could miss). */
const listComplete = (page) => page.getByText("6 of 6 servers shown").waitFor();

/** Signs in on a new visit and waits for the whole servers list. */
async function signedInOnTheList(page) {
  await page.goto(url("/"));
  await signIn(page);
  await listComplete(page);
}

/** Signs in on a new visit and clicks build-runner's page open (the routes `page` set up first). */
async function openBuildRunner(page) {
  await signedInOnTheList(page);
  await page.getByRole("link", { name: "build-runner" }).click();
}

/** Answers the first request for a file matching `pattern` with no network, the second with
 *  `second` (a page instead of the file), and lets the rest through. `asked.count` says how many
 *  there were so far; `asked.reached(n)` waits (up to 5 s) until there were `n`. */
async function failTwice(page, pattern, second) {
  const asked = {
    count: 0,
    async reached(n) {
      for (let waited = 0; asked.count < n && waited < 5000; waited += 20) await page.waitForTimeout(20);
    },
  };
  await page.route(pattern, (route) => {
    asked.count++;
    if (asked.count === 1) return route.abort("internetdisconnected");
    if (asked.count === 2) return route.fulfill(second);
    return route.continue();
  });
  return asked;
}

/** The names (without their hash) of the lazy files ending in `extension` that `page` has
 *  requested so far: chunks (`wasm`) or their text (`txt`). */
function recordLazy(page, extension) {
  const names = [];
  const lazy = new RegExp(`^lazy-(.+)-[0-9a-f]{16}\\.${extension}$`);
  page.on("request", (request) => {
    const name = lazy.exec(new URL(request.url()).pathname.split("/").pop());
    if (name) names.push(name[1]);
  });
  return names;
}
const recordChunks = (page) => recordLazy(page, "wasm");
const recordTexts = (page) => recordLazy(page, "txt");

test("a first visit fetches no page chunk; a page's chunk comes once, when it is first opened", async () => {
  const page = await newPage(browser);
  const chunks = recordChunks(page);
  await signedInOnTheList(page);
  assert.deepEqual(chunks, [], "sign-in and the servers list need no chunk");

  await page.getByRole("link", { name: "build-runner" }).click();
  await page.getByRole("heading", { name: "Snapshots" }).waitFor();
  await page.getByText(/of 5 snapshots used/).waitFor();
  // Its own chunk and the code it shares with other pages (wasm-split gives each set of pages
  // that share code a chunk of its own), nothing of another page.
  const own = chunks.filter((c) => c.startsWith("split_"));
  assert.deepEqual(own, ["split_server_page"]);
  assert.ok(chunks.length >= 2 && chunks.every((c) => c === "split_server_page" || /^chunk_\d+$/.test(c)), `${chunks}`);
  const opened = chunks.length;

  // Another server's page runs the code already there.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await listComplete(page);
  await page.getByRole("link", { name: "web-server-01" }).click();
  await page.getByText(/of 5 snapshots used/).waitFor();
  assert.equal(chunks.length, opened, `no chunk fetched again: ${chunks}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Snapshots" }).click();
  await page.getByRole("heading", { name: "Snapshots", level: 1 }).waitFor();
  await page.getByRole("table").waitFor();
  const later = chunks.slice(opened);
  assert.ok(later.includes("split_snapshots_page"), `${later}`);
  assert.ok(later.every((c) => !chunks.slice(0, opened).includes(c)), `nothing fetched twice: ${chunks}`);
  assert.ok(later.every((c) => c === "split_snapshots_page" || /^chunk_\d+$/.test(c)), `only its own and shared chunks: ${later}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a page whose chunk does not arrive says so, and Retry opens it", async () => {
  const page = await newPage(browser);
  // First no network, then an HTML 404 (a chunk of an older release, gone after a deploy),
  // then the chunk.
  const refused = await failTwice(page, /\/lazy-split_server_page-[0-9a-f]{16}\.wasm$/,
    { status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" });
  await openBuildRunner(page);

  const alert = page.getByRole("alert");
  await alert.getByText("Could not load this page").waitFor();
  assert.match(await alert.textContent(), /Part of the panel did not arrive\. Check your connection and try again; if the panel has just been updated, reload the page\./);
  assert.equal(await page.getByRole("heading", { name: "Snapshots" }).count(), 0);
  await screenshot(page, "split-chunk-failed");

  await alert.getByRole("button", { name: "Retry" }).click();
  await refused.reached(2);
  assert.equal(refused.count, 2, "Retry fetched the chunk again");
  await page.getByRole("alert").getByRole("button", { name: "Retry" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Snapshots" }).count(), 0, "HTML is not run as the page");

  await page.getByRole("alert").getByRole("button", { name: "Retry" }).click();
  await page.getByText(/of 5 snapshots used/).waitFor();
  assert.equal(refused.count, 3);
  assert.equal(await page.getByRole("alert").count(), 0);
  // The chunk loader logs each failed fetch; the browser logs the refused request and the 404.
  expectProblems(page, [/Failed to fetch|ERR_INTERNET_DISCONNECTED|HTTP status code is not ok|status of 404/]);
  await page.context().close();
});

test("leaving a page while its chunk is on the way, then opening it again, works", async () => {
  const page = await newPage(browser);
  let requests = 0;
  await page.route(/\/lazy-split_server_page-[0-9a-f]{16}\.wasm$/, async (route) => {
    requests++;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await openBuildRunner(page);
  await page.getByText("Loading this page…").waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await listComplete(page);
  await page.getByRole("link", { name: "web-server-01" }).click();
  await page.getByRole("heading", { name: "web-server-01" }).waitFor();
  await page.getByText(/of 5 snapshots used/).waitFor();
  assert.equal(requests, 1, "the chunk on the way was used, not fetched again");
  assert.equal(await page.getByRole("heading", { name: "build-runner" }).count(), 0, "the page left is not shown");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a body that does not read names where, with code fetched only then; without it, the reason alone", async () => {
  const page = await newPage(browser);
  const chunks = recordChunks(page);
  let refused = 0;
  await page.route(/\/lazy-split_decode_path-[0-9a-f]{16}\.wasm$/, (route) => {
    refused++;
    return refused === 1 ? route.abort("internetdisconnected") : route.continue();
  });
  await signedInOnTheList(page);
  assert.deepEqual(chunks, [], "a body that reads needs no chunk");

  // The API answers the next list with a server whose id is text; the code that finds the
  // path does not arrive: serde's reason, without the path.
  // (Only the filtered list: the lists' own refreshes go on meanwhile.)
  await setFaults({ error_rate: 1, mode: "wrong-type", count: 1, path_contains: "status=stopped" });
  await page.getByLabel("Status").selectOption("stopped");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load servers" });
  await alert.waitFor();
  const bare = await alert.innerText();
  assert.match(bare, /invalid type: string "801", expected a whole number/);
  assert.doesNotMatch(bare, /results\[0\]/);
  assert.equal(refused, 1);

  // Again, with the chunk arriving: the path to the bad value.
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.waitForFunction(() => document.querySelectorAll("tbody tr:not([hidden])").length === 1);
  await setFaults({ error_rate: 1, mode: "wrong-type", count: 1, path_contains: "status=active" });
  await page.getByLabel("Status").selectOption("active");
  await alert.getByText('results[0].id: invalid type: string "801", expected a whole number').waitFor();
  assert.deepEqual(chunks.filter((c) => c.startsWith("split_")), ["split_decode_path", "split_decode_path"]);
  await screenshot(page, "error-wrong-type");
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("link", { name: "web-server-01" }).waitFor();
  expectProblems(page, [/Failed to fetch|ERR_INTERNET_DISCONNECTED/]);
  await page.context().close();
});

test("a page's text comes beside its chunk, once, in both languages; a first visit fetches none", async () => {
  const page = await newPage(browser);
  const texts = recordTexts(page);
  await signedInOnTheList(page);
  assert.deepEqual(texts, [], "the servers list's text is in the main wasm");

  await page.getByRole("link", { name: "build-runner" }).click();
  await page.getByRole("heading", { name: "build-runner" }).waitFor();
  await page.getByRole("button", { name: "Create snapshot" }).waitFor();
  assert.deepEqual(texts.sort(), ["text-pages-bn", "text-pages-en"]);
  // The fleet's dialogs share the text: nothing fetched again, in either language.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Servers" }).click();
  await listComplete(page);
  await page.getByRole("checkbox", { name: "Select web-server-01" }).check();
  await page.getByRole("button", { name: "Snapshot selected…" }).click();
  await page.getByRole("dialog").getByLabel("Name template").waitFor();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByLabel("Language / ভাষা").selectOption("bn");
  await page.getByRole("navigation", { name: "প্রধান মেনু" }).getByRole("link", { name: "কার্যকলাপ" }).click();
  await page.getByRole("heading", { name: "কার্যকলাপ", level: 1 }).waitFor();
  assert.equal(texts.length, 2, `${texts}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a page whose text does not arrive, or is a host's index page, says so, and Retry opens it", async () => {
  const page = await newPage(browser);
  // The Bengali file fails while the English one arrives: the page waits for both. The second
  // answer is a static host's: every unknown path gets the app's index page.
  const asked = await failTwice(page, /\/lazy-text-pages-bn-[0-9a-f]{16}\.txt$/,
    { status: 200, contentType: "text/html", body: "<!DOCTYPE html><html><body>panel</body></html>" });
  await openBuildRunner(page);
  const alert = page.getByRole("alert");
  await alert.getByText("Could not load this page").waitFor();
  await alert.getByRole("button", { name: "Retry" }).click();
  await asked.reached(2);
  await page.getByRole("alert").getByRole("button", { name: "Retry" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "build-runner" }).count(), 0, "no page without its text");
  await page.getByRole("alert").getByRole("button", { name: "Retry" }).click();
  await page.getByRole("button", { name: "Create snapshot" }).waitFor();
  await page.getByText(/of 5 snapshots used/).waitFor();
  assert.equal(asked.count, 3);
  await page.getByLabel("Language / ভাষা").selectOption("bn");
  await page.getByRole("button", { name: "স্ন্যাপশট তৈরি করুন" }).waitFor();
  expectProblems(page, [/ERR_INTERNET_DISCONNECTED/]);
  await page.context().close();
});
