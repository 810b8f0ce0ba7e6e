// What the engine suite runs inside the page, the same in every engine: finding a control the
// way a user names it, and recording what went wrong on the page. Each is a function's source,
// sent by the drivers (puppeteer's evaluate, WebDriver's execute script): no test code is ever
// put into the page by a <script> tag, which the panel's CSP would (rightly) refuse.

/** Finds the visible control a user would name `name`: a button, a link or a form field (by
 *  its label or aria-label), inside the open dialog when `inDialog`. `exact`: the whole name,
 *  else a part of it. Returns the element (its value when `value`), or null. */
export function findControl({ role, name, exact = true, inDialog = false, value = false }) {
  const root = inDialog ? document.querySelector("[role=dialog]") : document;
  if (!root) return null;
  const squash = (text) => (text ?? "").replace(/\s+/g, " ").trim();
  const nameOf = (el) => {
    if (el.getAttribute("aria-label")) return squash(el.getAttribute("aria-label"));
    if (role === "field") {
      const labelledBy = el.getAttribute("aria-labelledby");
      if (labelledBy) return squash(labelledBy.split(" ").map((id) => document.getElementById(id)?.textContent).join(" "));
      // A label may wrap its control: its text without the control's own (a select's options).
      const label = el.labels?.[0]?.cloneNode(true);
      label?.querySelectorAll("input, select, textarea").forEach((control) => control.remove());
      return squash(label?.textContent);
    }
    return squash(el.textContent);
  };
  const selector = { button: "button", link: "a[href]", field: "input, select, textarea" }[role];
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const found = [...root.querySelectorAll(selector)].find((el) => {
    if (!visible(el)) return false;
    const text = nameOf(el);
    return exact ? text === name : text.includes(name);
  }) ?? null;
  return value ? found?.value ?? null : found;
}

/** Whether `text` is shown on the page (inside the open dialog when `inDialog`). */
export function showsText({ text, inDialog = false }) {
  const root = inDialog ? document.querySelector("[role=dialog]") : document.body;
  return Boolean(root) && root.innerText.replace(/\s+/g, " ").includes(text);
}

/** Records console errors, uncaught errors and rejections, and CSP violations into
 *  `window.__e2eProblems`; installed once per document. */
export function watchProblems() {
  if (window.__e2eProblems) return;
  const problems = (window.__e2eProblems = []);
  const original = console.error.bind(console);
  console.error = (...args) => {
    problems.push(`console error: ${args.map(String).join(" ")}`);
    original(...args);
  };
  addEventListener("error", (event) => problems.push(`page error: ${event.message}`));
  addEventListener("unhandledrejection", (event) => problems.push(`unhandled rejection: ${event.reason}`));
  document.addEventListener("securitypolicyviolation", (event) => problems.push(
    `CSP: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile || location.href}:${event.lineNumber})`));
}

/** Takes what `watchProblems` recorded so far (and clears it). */
export function takeProblems() {
  return (window.__e2eProblems ?? []).splice(0);
}

