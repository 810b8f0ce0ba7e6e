// WebKitGTK, driven over classic WebDriver: Debian's WebKitWebDriver starts its MiniBrowser,
// which needs a display, so both run under xvfb-run. puppeteer-core does not drive WebKitGTK,
// and WebKitWebDriver speaks no WebDriver BiDi, so this is a small client of the W3C protocol.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { freePort, waitForHttp } from "../net.mjs";
import { watchProblems } from "./in-page.mjs";

const MINIBROWSER = process.env.MINIBROWSER_PATH ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const BACKSPACE = "\uE003";
const COMMAND_TIMEOUT_MS = 60_000;
// A MiniBrowser starts in about a second here; one that has not in 30 s will not.
const SESSION_TIMEOUT_MS = 30_000;

/** Launches WebKitWebDriver on a free port and opens one session (one MiniBrowser) for the
 *  suite; resolves to the engine's version, `newPage` and `close`. Each page is a new window of
 *  its own (its own sessionStorage, as a new tab has; a window, not a tab, as a tab behind
 *  another is hidden and the panel rightly stops polling in a hidden tab). Starting a
 *  MiniBrowser was found to hang now and then when many browsers started at once: a start that
 *  gets no session in time is made once more, and says so. */
export async function launchWebKit() {
  try {
    return await launchOnce();
  } catch (error) {
    console.error(`webkit: starting WebKitWebDriver and MiniBrowser again after: ${error.message}`);
    return launchOnce();
  }
}

async function launchOnce() {
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and the browser.
  const driver = spawn("xvfb-run", ["-a", "-s", "-screen 0 1600x1200x24", "WebKitWebDriver", `--port=${port}`],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  driver.stderr.on("data", (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch (error) {
      if (error.code !== "ESRCH") throw error;
    }
  };
  try {
    await waitForHttp(`${base}/status`, () => driver.exitCode !== null, 15_000)
      .catch((error) => { throw new Error(`WebKitWebDriver did not start: ${error.message}\n${stderr}`); });
    const session = await command(base, "POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        },
      },
    }, SESSION_TIMEOUT_MS);
    const call = (method, path, body) => command(base, method, `/session/${session.sessionId}${path}`, body)
      .catch((error) => { throw new Error(`${error.message}\nWebKitWebDriver said: ${stderr}`); });
    // The session's first window stays open (blank), so that closing a test's never ends it.
    const firstWindow = await call("GET", "/window");
    return {
      version: `WebKitGTK ${session.capabilities.browserVersion}`,
      async newPage({ width, height }) {
        const { handle } = await call("POST", "/window/new", { type: "window" });
        await call("POST", "/window", { handle });
        await call("POST", "/window/rect", { width, height });
        return pageDriver(call, async () => {
          // localStorage is the browser's, not the tab's: the next test starts without it.
          await call("POST", "/execute/sync", { script: "localStorage.clear();", args: [] });
          await call("DELETE", "/window");
          await call("POST", "/window", { handle: firstWindow });
        });
      },
      close: async () => {
        await call("DELETE", "").catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

function pageDriver(call, close) {
  const run = (fn, arg) => call("POST", "/execute/sync", { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] });
  return {
    async navigate(url) {
      await call("POST", "/url", { url });
      // No script runs before the page's own here (classic WebDriver has no preload script):
      // recording starts once the page has loaded, before any step of a flow.
      await run(watchProblems);
    },
    url: () => call("GET", "/url"),
    run,
    async element(fn, arg) {
      const found = await run(fn, arg);
      return found?.[ELEMENT] ? found[ELEMENT] : null;
    },
    click: (element) => call("POST", `/element/${element}/click`, {}),
    async type(element, text) {
      // Select what the field holds, then type over it (or press Backspace), as a user does:
      // WebDriver's Element Clear sends no input event in WebKitGTK, so the panel would not see it.
      await call("POST", `/element/${element}/click`, {});
      await call("POST", "/execute/sync", { script: "arguments[0].select();", args: [{ [ELEMENT]: element }] });
      await call("POST", `/element/${element}/value`, { text: text || BACKSPACE });
    },
    async select(element, value) {
      const option = await call("POST", "/execute/sync", {
        script: "return [...arguments[0].options].find((o) => o.value === arguments[1]) ?? null;",
        args: [{ [ELEMENT]: element }, value],
      });
      if (!option) throw new Error(`no option ${value}`);
      await call("POST", `/element/${option[ELEMENT]}/click`, {});
    },
    async screenshot(path) {
      // WebKitGTK's screenshot is its last painted frame, which may lag the DOM by more than a
      // second under Xvfb's software rendering: wait until two frames have been painted since.
      await call("POST", "/execute/async", {
        script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)));",
        args: [],
      });
      writeFileSync(path, Buffer.from(await call("GET", "/screenshot"), "base64"));
    },
    engineProblems: () => [],
    close,
  };
}

async function command(base, method, path, body, timeoutMs = COMMAND_TIMEOUT_MS) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    // No command of these flows takes long: one that hangs fails the test in time, with words.
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error) => {
    throw new Error(`WebDriver ${method} ${path}: ${error.name === "TimeoutError" ? `no answer in ${timeoutMs} ms` : error.message}`);
  });
  const { value } = await response.json();
  if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}
