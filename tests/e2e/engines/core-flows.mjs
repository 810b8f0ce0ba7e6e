// The panel's core flows, written once and run in each engine (core-flows.<engine>.test.mjs):
// sign-in (a refused token, then a good one), the servers list with search and a filter, a
// server's page and its chunk, create with name validation then completed by polling, delete
// with confirmation, restore with the safety snapshot and the typed name, the switch to Bengali
// with Bengali digits, and a 401 back to sign-in. Any console error, uncaught error or CSP
// violation fails the test it happened in, as in the Chromium suites.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { HTTP_ERROR_LOGS, TOKEN, resetSimulator, setToken, writes } from "../harness.mjs";
import { launchEngine } from "./engine.mjs";

const SERVER = { id: 12345, name: "web-server-01" };
/** The API writes the panel sent since the simulator's reset, ids left out. */
const sentWrites = async () => (await writes()).map((line) => line.replace(/\d+/g, "N"));

/** Registers the core flows for `engineName`. */
export function coreFlows(engineName) {
  let engine;
  let page;
  before(async () => {
    engine = await launchEngine(engineName);
  });
  after(async () => {
    await engine?.close();
  });
  afterEach(async () => {
    if (!page) return; // the engine or the page did not start: the test has failed already
    const problems = await page.unexpectedProblems();
    await page.close();
    page = undefined;
    assert.deepEqual(problems, [], `${engineName}: console errors, uncaught errors or CSP violations`);
  });

  async function freshPage() {
    await resetSimulator();
    page = await engine.newPage();
    return page;
  }

  /** Signs in through the form and waits for the servers list. */
  async function signIn(token = TOKEN) {
    await page.fill("API token", token);
    await page.click("button", "Sign in");
  }

  async function openServerPage() {
    await page.goto("/servers");
    await page.waitForPath(/^\/sign-in/);
    await signIn();
    await page.waitForText("6 of 6 servers shown");
    await page.click("link", SERVER.name);
    await page.waitForPath(new RegExp(`^/servers/${SERVER.id}$`));
    await page.waitForText("2 of 5 snapshots used");
  }

  test(`${engineName}: a refused token is explained, a good one signs in; the servers list searches and filters`, async () => {
    await freshPage();
    await page.goto("/");
    await page.waitForPath(/^\/sign-in/);
    await signIn("not-the-token");
    await page.waitForText("That token was not accepted");
    assert.equal(await page.fieldValue("API token"), "not-the-token", "what was typed is kept");
    page.expected.push(...HTTP_ERROR_LOGS); // Chromium logs the 401; Firefox and WebKit do not
    await signIn();
    await page.waitForPath(/^\/servers/);
    await page.waitForText("6 of 6 servers shown");
    await page.waitForText("5 of 5"); // db-primary's quota: the list is complete
    await page.screenshot(`engine-${engineName}-servers`, { toDocs: true });
    await page.fill("Search", "web");
    await page.waitForText("1 of 6 servers shown");
    assert.ok(await page.has("link", "web-server-01"));
    assert.ok(!(await page.has("link", "db-primary")), "the search hides what does not match");
    await page.fill("Search", "");
    await page.waitForText("6 of 6 servers shown");
    await page.choose("Status", "stopped");
    await page.waitForPath(/status=stopped/);
    // The filter is the API's: the list holds the stopped servers only.
    await page.waitUntil(() => page.evaluate(() => document.querySelectorAll("tbody tr:not([hidden])").length === 1),
      "one stopped server listed");
    assert.ok(await page.has("link", "staging-app"));
    await page.choose("Status", "");
    await page.waitUntil(() => page.evaluate(() => document.querySelectorAll("tbody tr:not([hidden])").length === 6),
      "every server listed again");
  });

  test(`${engineName}: a server's page comes with its chunk; create with name validation, completed by polling; delete with confirmation`, async () => {
    await freshPage();
    await openServerPage();
    const chunks = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("lazy-")));
    assert.ok(chunks.some((name) => name.includes("lazy-split_server_page")), `the server page's chunk was fetched: ${chunks}`);

    await page.click("button", "Create snapshot");
    await page.waitUntil(() => page.evaluate(() => document.querySelector("[role=dialog][aria-modal=true]") !== null), "the create dialog opened");
    await page.fill("Name", "before update!", { inDialog: true });
    await page.waitForText("spaces cannot be used", { inDialog: true });
    await page.fill("Name", "engine-check", { inDialog: true });
    await page.fill("Description (optional)", `made in ${engineName}`, { inDialog: true });
    await page.click("button", "Create snapshot", { inDialog: true });
    await page.waitUntil(() => page.evaluate(() => document.querySelector("[role=dialog]") === null), "the create dialog closed");
    await page.waitForText("3 of 5 snapshots used");
    await page.waitForText("Snapshot engine-check is now completed.", { timeout: 20_000 });
    await page.screenshot(`engine-${engineName}-server-page`);

    await page.click("button", "Delete engine-check");
    await page.waitForText("Delete this snapshot?", { inDialog: true });
    await page.click("button", "Delete snapshot", { inDialog: true });
    await page.waitForText("Snapshot engine-check was deleted.");
    await page.waitForText("2 of 5 snapshots used");
    const sent = await sentWrites();
    assert.deepEqual(sent, ["POST /api/vN/snapshots/", "DELETE /api/vN/snapshots/N/"], "one create, one delete");
  });

  test(`${engineName}: restore with the safety snapshot and the typed name`, async () => {
    await freshPage();
    await openServerPage();
    await page.click("button", "Restore pre-migration-snapshot");
    await page.waitForText("All current data on web-server-01 will be overwritten", { inDialog: true });
    assert.ok(await page.evaluate(() => document.querySelector("[role=dialog] input[type=checkbox]")?.checked),
      "the safety snapshot is offered and on");
    await page.fill("Type the server's name", "web-server-0", { exact: false, inDialog: true });
    assert.ok(await page.evaluate(() => [...document.querySelectorAll("[role=dialog] button")].find((b) => b.textContent.trim() === "Restore")?.disabled),
      "a partial name keeps Restore disabled");
    await page.fill("Type the server's name", SERVER.name, { exact: false, inDialog: true });
    await page.click("button", "Restore", { inDialog: true });
    await page.waitForText("The restore has started.", { inDialog: true, timeout: 20_000 });
    await page.screenshot(`engine-${engineName}-restore`);
    await page.click("button", "Close", { inDialog: true });
    const sent = await sentWrites();
    assert.deepEqual(sent, ["POST /api/vN/snapshots/", "POST /api/vN/snapshots/N/restore/"], "the safety snapshot, then the restore");
  });

  test(`${engineName}: the language switch to Bengali, with Bengali digits; a 401 returns to sign-in`, async () => {
    await freshPage();
    await openServerPage();
    await page.choose("Language / ভাষা", "bn");
    await page.waitForText("৫টির মধ্যে ২টি স্ন্যাপশট ব্যবহৃত");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "bn");
    await page.click("link", "সার্ভার");
    await page.waitForText("৬টি সার্ভারের মধ্যে ৬টি দেখানো হচ্ছে");
    await page.waitForText("৫টির মধ্যে ৫টি"); // db-primary's quota, in the list
    await page.screenshot(`engine-${engineName}-bengali`);
    await page.choose("Language / ভাষা", "en");
    await page.waitForText("6 of 6 servers shown");

    // The token is revoked elsewhere: the next answer is a 401, and the panel asks to sign in.
    await setToken("rotated-token");
    page.expected.push(...HTTP_ERROR_LOGS);
    await page.reload();
    await page.waitForPath(/^\/sign-in\?next=/);
    await page.waitForText("Your session ended or the token was revoked");
    assert.equal(await page.evaluate(() => sessionStorage.getItem("vps-panel.token")), null, "the token is cleared");
    await signIn("rotated-token");
    await page.waitForPath(/^\/servers$/);
    await page.waitForText("6 of 6 servers shown");
  });
}
