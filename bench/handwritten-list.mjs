// The servers list written by hand, with no framework, for the benchmark to measure next to the
// panel. It runs in a page that holds a copy of the panel's own servers page (same markup, same
// stylesheet, same window), so layout and paint cost the same and only the updating differs.
//
// It does the same job the best way plain DOM code can: fetches every page of servers and
// snapshots, sorts by name once, and on each keystroke filters, then writes only the texts that
// changed into the 50 row slots, the count line and the pager (rows are never rebuilt).
// English only, as the benchmark is.
//
// With `skipOffscreen`, it also uses the two tricks the browser offers a plain page, so the
// benchmark shows the best any list could do here: rows become grid rows with
// `content-visibility: auto` (rows far from the viewport skip layout and paint; table parts
// cannot skip), added through the CSSOM because the page's CSP allows no inline style, and each
// keystroke forces the layout at once, in the time left before the next frame, instead of in it.

/** Runs in the page (`page.evaluate(handwrittenList, { token, skipOffscreen })`); resolves once
 *  the list is in. */
export async function handwrittenList({ token, skipOffscreen = false }) {
  const list = async (path) => {
    const all = [];
    let next = `/api/v1/${path}`;
    while (next) {
      const answer = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
      const page = await answer.json();
      all.push(...page.results);
      next = page.next;
    }
    return all;
  };
  const [servers, snapshots] = await Promise.all([list("servers/"), list("snapshots/")]);
  const snapshotCount = new Map();
  for (const s of snapshots) snapshotCount.set(s.server.id, (snapshotCount.get(s.server.id) ?? 0) + 1);

  const number = new Intl.NumberFormat("en");
  const tenths = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const plural = new Intl.PluralRules("en");
  const memory = (mb) =>
    mb >= 1024 && mb % 1024 === 0 ? `${number.format(mb / 1024)} GB`
      : mb >= 1024 ? `${tenths.format(Math.floor((mb * 10 + 512) / 1024) / 10)} GB`
        : `${number.format(mb)} MB`;
  const storage = (gb) => (gb >= 1024 && gb % 1024 === 0 ? `${number.format(gb / 1024)} TB` : `${number.format(gb)} GB`);
  const resources = (p) =>
    `${number.format(p.vcpus)} ${plural.select(p.vcpus) === "one" ? "vCPU" : "vCPUs"} · ${memory(p.memory)} RAM · ${storage(p.storage)} disk`;
  const statusWords = { active: "active", completed: "completed", in_progress: "in progress", restoring: "restoring", suspended: "suspended", stopped: "stopped" };
  const tones = { active: "good", completed: "good", restoring: "busy", in_progress: "busy", suspended: "warning" };
  const LIMIT = 5;
  const PER_PAGE = 50;

  const byName = (a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.server.id - b.server.id);
  const sorted = servers
    .map((server) => ({
      server,
      lower: server.name.toLowerCase(),
      haystacks: [server.name, server.hostname, server.ip_address].filter(Boolean).map((f) => f.toLowerCase()),
    }))
    .sort(byName);

  // Each slot's nodes, found once, and the texts last written into them.
  const tbody = document.querySelector(".data-table tbody");
  const linkPrefix = tbody.querySelector("a").getAttribute("href").replace(/\d+$/, "");
  const slots = [...tbody.rows].map((row) => {
    // The panel's rows start with the selection checkbox, then the server's columns.
    const select = row.cells[0].querySelector("input[type=checkbox]");
    const cells = [...row.cells].slice(1);
    const badge = cells[1].querySelector(".badge");
    const badgeText = [...badge.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? badge.appendChild(document.createTextNode(""));
    return {
      row, select, badge, badgeText,
      link: cells[0].querySelector("a"), host: cells[0].querySelector(".cell-sub"),
      location: cells[2], ip: cells[3], planName: cells[4].querySelector(".cell-main"),
      planResources: cells[4].querySelector(".cell-sub"), os: cells[5], snapshots: cells[6],
      last: {},
    };
  });
  const write = (slot, key, node, text) => {
    if (slot.last[key] !== text) {
      node.textContent = text;
      slot.last[key] = text;
    }
  };
  const fill = (slot, server) => {
    slot.row.hidden = false;
    const id = String(server.id);
    if (slot.last.id !== id) {
      slot.row.dataset.serverId = id;
      slot.link.setAttribute("href", linkPrefix + id);
      slot.last.id = id;
    }
    write(slot, "name", slot.link, server.name);
    if (slot.last.select !== server.name) {
      slot.select.setAttribute("aria-label", `Select ${server.name}`);
      slot.last.select = server.name;
    }
    write(slot, "host", slot.host, server.hostname ?? "");
    if (slot.last.status !== server.status) {
      slot.badge.className = `badge badge--${tones[server.status] ?? "neutral"}`;
      slot.badge.dataset.status = server.status;
      slot.badgeText.data = statusWords[server.status] ?? server.status;
      slot.last.status = server.status;
    }
    write(slot, "location", slot.location, server.location ?? "—");
    write(slot, "ip", slot.ip, server.ip_address ?? "—");
    write(slot, "planName", slot.planName, server.plan?.name ?? "");
    write(slot, "planResources", slot.planResources, server.plan ? resources(server.plan) : "");
    write(slot, "os", slot.os, server.os?.name ?? "—");
    const used = snapshotCount.get(server.id) ?? 0;
    const usedText = `${number.format(used)} of ${number.format(LIMIT)}`;
    if (slot.last.snapshots !== usedText) {
      slot.snapshots.textContent = usedText;
      if (used >= LIMIT) {
        const limit = slot.snapshots.appendChild(document.createElement("span"));
        limit.className = "cell-sub";
        limit.textContent = "limit reached";
      }
      slot.last.snapshots = usedText;
    }
  };

  const countLine = document.querySelector(".result-count");
  const pager = document.querySelector(".pager");
  const pagerWhere = pager?.querySelector(".pager__where");
  const total = servers.length;
  const show = (typed) => {
    const needle = typed.trim().toLowerCase();
    const matching = needle ? sorted.filter((s) => s.haystacks.some((h) => h.includes(needle))) : sorted;
    slots.forEach((slot, i) => {
      const item = matching[i];
      if (item) fill(slot, item.server);
      else if (!slot.row.hidden) slot.row.hidden = true;
    });
    const text = matching.length <= PER_PAGE
      ? `${number.format(matching.length)} of ${number.format(total)} ${plural.select(total) === "one" ? "server" : "servers"} shown`
      : `Showing 1–${number.format(PER_PAGE)} of ${number.format(matching.length)} matching servers (${number.format(total)} in all)`;
    if (countLine.textContent !== text) countLine.textContent = text;
    const pages = Math.ceil(matching.length / PER_PAGE);
    if (pager) {
      pager.hidden = pages <= 1;
      const where = `Page 1 of ${number.format(pages)}`;
      if (pagerWhere.textContent !== where) pagerWhere.textContent = where;
    }
  };
  const search = document.querySelector("input[type=search]");
  search.addEventListener("input", (event) => show(event.target.value));
  if (skipOffscreen) {
    const sheet = document.styleSheets[0];
    for (const rule of [
      ".data-table--sortable, .data-table--sortable thead, .data-table--sortable tbody { display: block; }",
      ".data-table--sortable tr { display: grid; grid-template-columns: 20% 12% 10% 13% 20% 12% 13%; }",
      ".data-table--sortable tbody tr { content-visibility: auto; contain-intrinsic-size: auto 64px; }",
      ".data-table--sortable tr[hidden] { display: none; }",
    ]) sheet.insertRule(rule, sheet.cssRules.length);
    search.addEventListener("input", () => document.body.offsetHeight);
  }
  show("");
}

/** The rows a reader sees (visible rows' text, and the count line), to check both lists agree. */
export function visibleRows() {
  const rows = [...document.querySelectorAll(".data-table tbody tr")].filter((row) => !row.hidden);
  return [document.querySelector(".result-count")?.textContent, ...rows.map((row) => row.textContent)].join("\n");
}
