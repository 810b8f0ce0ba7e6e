// A real deployment: nginx, started unprivileged with a config generated from deploy/nginx.conf,
// serves a re-based copy of the release build under /ops/panel/ and proxies /api/ to the
// simulator. The whole panel runs there under the shipped Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  BASE_URL, REPO_ROOT, TOKEN, browser, configureDist, copyOfDist, newPage, screenshot, signIn, useBrowser, writes,
} from "./harness.mjs";
import { freePort, waitForHttp } from "./net.mjs";

const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
const SUB_PATH = "/ops/panel/";
let nginx, root, origin, panelUrl;

/** deploy/nginx.conf with this machine's port, root and API address, inside a minimal main
 *  config that keeps every file nginx writes in `prefix` (no root-owned paths needed). */
function nginxConfig({ port, www, api, prefix }) {
  const apiUrl = new URL(api);
  let site = readFileSync(join(REPO_ROOT, "deploy/nginx.conf"), "utf8");
  for (const [from, to] of [
    ["listen 80;", `listen 127.0.0.1:${port};`],
    ["root /srv/www;", `root ${www};`],
    ["proxy_pass https://admin.vps.org;", `proxy_pass ${apiUrl.origin};`],
    ["proxy_set_header Host admin.vps.org;", `proxy_set_header Host ${apiUrl.host};`],
    ['sub_filter "https://admin.vps.org/api/"', `sub_filter "${apiUrl.origin}/api/"`],
  ]) {
    assert.ok(site.includes(from), `deploy/nginx.conf no longer has "${from}"`);
    site = site.replace(from, to);
  }
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(prefix, "tmp", dir), { recursive: true });
  // The module Debian's libnginx-mod-http-brotli-static installs (Debian's own nginx.conf loads
  // it from modules-enabled/, by a path relative to its prefix, which is not this one).
  return `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
${site}
}
`;
}

useBrowser();
before(async () => {
  const copy = copyOfDist("www/ops/panel");
  root = copy.root;
  const configured = configureDist([copy.dist, "--base-path", SUB_PATH]);
  assert.equal(configured.code, 0, configured.output);
  const port = await freePort();
  const conf = join(root, "nginx.conf");
  writeFileSync(conf, nginxConfig({ port, www: join(root, "www"), api: BASE_URL, prefix: root }));
  nginx = spawn(NGINX, ["-p", root, "-e", join(root, "error.log"), "-c", conf], { stdio: ["ignore", "inherit", "inherit"] });
  origin = `http://127.0.0.1:${port}`;
  panelUrl = `${origin}${SUB_PATH}`;
  await waitForHttp(panelUrl, () => nginx.exitCode !== null);
});
after(async () => {
  nginx?.kill();
});

const distFile = (pattern) => readdirSync(join(REPO_ROOT, "dist")).find((name) => pattern.test(name));
const get = (path, headers = {}) => fetch(new URL(path, origin), { headers, redirect: "manual" });

test("nginx answers with the documented headers, types, caching, compression and fallbacks", async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  const index = await get(SUB_PATH);
  assert.equal(index.status, 200);
  assert.match(index.headers.get("content-type"), /^text\/html/);
  assert.equal(index.headers.get("cache-control"), "no-cache");
  assert.equal(index.headers.get("content-security-policy"), csp);
  assert.equal(index.headers.get("x-content-type-options"), "nosniff");
  assert.equal(index.headers.get("referrer-policy"), "no-referrer");
  assert.match(await index.text(), /<base href="\/ops\/panel\/"/);

  const deepLink = await get(`${SUB_PATH}servers/12345`);
  assert.equal(deepLink.status, 200, "a deep link gets the app");
  assert.match(await deepLink.text(), /<base href="\/ops\/panel\/"/);
  assert.equal(deepLink.headers.get("cache-control"), "no-cache");

  const config = await get(`${SUB_PATH}config.json`);
  assert.equal(config.headers.get("cache-control"), "no-cache");
  assert.deepEqual(await config.json(), JSON.parse(readFileSync(join(REPO_ROOT, "dist/config.json"), "utf8")));

  // Assets go out as the release build precompressed them: brotli where the browser takes it
  // (every current browser does over https), gzip -9 otherwise; the bytes on the wire are the
  // .br file's, the size the size report counts.
  const wasmName = distFile(/^vps-panel-.*_bg\.wasm$/);
  const wasm = await get(`${SUB_PATH}${wasmName}`, { "Accept-Encoding": "gzip, deflate, br" });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(wasm.headers.get("content-encoding"), "br");
  assert.equal(wasm.headers.get("content-security-policy"), csp);
  const wasmBr = statSync(join(REPO_ROOT, "dist", `${wasmName}.br`)).size;
  assert.equal(Number(wasm.headers.get("content-length")), wasmBr, "the wasm's transferred size is its .br file's");
  assert.ok(wasmBr < statSync(join(REPO_ROOT, "dist", wasmName)).size / 2, "brotli more than halves the wasm");
  for (const pattern of [/^vps-panel-.*\.js$/, /\.css$/, /^boot-.*\.js$/, /^lazy-.*\.wasm$/]) {
    const name = distFile(pattern);
    const br = await get(`${SUB_PATH}${name}`, { "Accept-Encoding": "gzip, br" });
    assert.equal(br.headers.get("cache-control"), "public, max-age=31536000, immutable", name);
    assert.equal(br.headers.get("content-encoding"), "br", name);
    assert.equal(Number(br.headers.get("content-length")), statSync(join(REPO_ROOT, "dist", `${name}.br`)).size, name);
    const gz = await get(`${SUB_PATH}${name}`, { "Accept-Encoding": "gzip" });
    assert.equal(gz.headers.get("content-encoding"), "gzip", name);
    assert.equal(Number(gz.headers.get("content-length")), statSync(join(REPO_ROOT, "dist", `${name}.gz`)).size, `${name}: the .gz file, not gzip on the fly`);
  }

  // Trunk's hashes are hex without leading zeros: 16 digits, sometimes fewer.
  for (const hash of ["0123456789abcdef", "123456789abcdef"]) {
    const missing = await get(`${SUB_PATH}${wasmName.replace(/-[0-9a-f]{12,16}_bg/, `-${hash}_bg`)}`);
    assert.equal(missing.status, 404, `a missing hashed asset (${hash}) is a 404, not index.html`);
    assert.doesNotMatch(await missing.text(), /<base href/);
  }

  const bare = await get("/ops/panel");
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get("location"), SUB_PATH);

  const me = await get("/api/v1/account/me/", { Authorization: `Bearer ${TOKEN}` });
  assert.equal(me.status, 200, "the API is proxied on the panel's origin");
  assert.equal(me.headers.get("cache-control"), null, "API answers keep their own caching");
});

test("under /ops/panel/ behind nginx: sign-in, list, server page, create, restore, delete, history and reload", async () => {
  const page = await newPage(browser);
  const requested = [];
  page.on("request", (request) => requested.push(request.url()));
  const inside = (path) => `${SUB_PATH}${path.replace(/^\//, "")}`;

  await page.goto(`${panelUrl}servers/12345`);
  await page.waitForURL(`${panelUrl}sign-in?next=/servers/12345`);
  await signIn(page, { landing: (u) => u.pathname === inside("/servers/12345") });
  await page.getByRole("heading", { name: "web-server-01" }).waitFor();
  await page.getByText("2 of 5 snapshots used").waitFor();

  // Create, wait for it to complete.
  const dialog = page.getByRole("dialog");
  const row = (name) => page.getByRole("table", { name: "Snapshots of this server" }).locator("tr", { hasText: name });
  await page.getByRole("button", { name: "Create snapshot" }).click();
  await dialog.getByLabel("Name").fill("behind-nginx");
  await dialog.getByRole("button", { name: "Create snapshot" }).click();
  await dialog.waitFor({ state: "detached" });
  await row("behind-nginx").locator("[data-status=completed]").waitFor({ timeout: 15_000 });
  await page.getByText("3 of 5 snapshots used").waitFor();

  // Restore from the documented snapshot.
  await row("pre-migration-snapshot").getByRole("button", { name: "Restore pre-migration-snapshot" }).click();
  await dialog.getByLabel("Take a snapshot of the current state first").uncheck();
  await dialog.getByLabel(/Type the server's name/).fill("web-server-01");
  await dialog.getByRole("button", { name: "Restore" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.locator(".page-head").getByText("restoring").waitFor();
  await page.locator(".page-head").getByText("active").waitFor({ timeout: 15_000 });

  // Delete what was created.
  await row("behind-nginx").getByRole("button", { name: "Delete behind-nginx" }).click();
  await dialog.getByRole("button", { name: "Delete snapshot" }).click();
  await row("behind-nginx").waitFor({ state: "detached" });
  await page.getByText("2 of 5 snapshots used").waitFor();
  assert.deepEqual((await writes()).map((line) => line.replace(/\d+/g, "N")), [
    "POST /api/vN/snapshots/", "POST /api/vN/snapshots/N/restore/", "DELETE /api/vN/snapshots/N/",
  ]);

  // The main navigation, back and forward, and a reload of a deep link.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Snapshots" }).click();
  await page.waitForURL(`${panelUrl}snapshots`);
  await page.getByRole("link", { name: "db-primary" }).first().waitFor();
  await nav.getByRole("link", { name: "Servers" }).click();
  await page.waitForURL(`${panelUrl}servers`);
  assert.equal(await nav.getByRole("link", { name: "Servers" }).getAttribute("aria-current"), "page");
  await page.getByText("6 of 6 servers shown").waitFor();
  await screenshot(page, "deploy-nginx-servers");
  await page.getByRole("link", { name: "db-primary" }).click();
  await page.waitForURL(`${panelUrl}servers/12346`);
  await page.goBack();
  await page.waitForURL(`${panelUrl}servers`);
  await page.goForward();
  await page.waitForURL(`${panelUrl}servers/12346`);
  await page.getByRole("heading", { name: "db-primary" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "db-primary" }).waitFor();
  await page.getByText("5 of 5 snapshots used").waitFor();
  await screenshot(page, "deploy-nginx-server");
  // The skip link moves focus and stays on the page (a bare #main would follow <base href>).
  await page.getByRole("link", { name: "Skip to content" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  assert.equal(page.url(), `${panelUrl}servers/12346`);

  const outside = requested.filter((address) => {
    const u = new URL(address);
    return u.origin !== origin || !(u.pathname.startsWith(SUB_PATH) || u.pathname.startsWith("/api/v1/"));
  });
  assert.deepEqual(outside, [], "every request stays under the base path or goes to the API");
  await page.context().close();
});
