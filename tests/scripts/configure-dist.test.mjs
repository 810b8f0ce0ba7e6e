// scripts/configure-dist.sh on copies of a release build's index.html and config.json
// (fixtures/, as scripts/build-release.sh writes them), run with POSIX sh: what it writes, that a
// second run changes nothing, and that a bad argument leaves the build untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, FIXTURES, run, tempDir } from "./support.mjs";

const configureDist = (args) => run("sh", [join(REPO_ROOT, "scripts/configure-dist.sh"), ...args]);
/** A build as build-release.sh leaves it: its index.html and the default config.json. */
function copyOfDist() {
  const dist = tempDir();
  writeFileSync(join(dist, "index.html"), readFileSync(join(FIXTURES, "index.html")));
  writeFileSync(join(dist, "config.json"), '{"api_base": "/api/v1"}\n');
  return { dist };
}

const digest = (dir) => Object.fromEntries(readdirSync(dir).sort().map((name) =>
  [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]));
const read = (dir, name) => readFileSync(join(dir, name), "utf8");

test("it sets <base href>, the API in config.json and the CSP's connect-src, and writes 404.html", () => {
  const { dist } = copyOfDist();
  const run = configureDist([dist, "--base-path", "/ops/panel", "--api-base", "https://admin.vps.org/api/v1/"]);
  assert.equal(run.code, 0, run.output);
  const html = read(dist, "index.html");
  assert.match(html, /<base href="\/ops\/panel\/"/);
  assert.match(html, /connect-src 'self' https:\/\/admin\.vps\.org;/);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(JSON.parse(read(dist, "config.json")).api_base, "https://admin.vps.org/api/v1");
  assert.equal(read(dist, "404.html"), html);
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /<(?!base)[^>]*\s(href|src)="\//, "every asset URL is relative to <base href>");
});

test("running it twice gives the same files; without --api-base the configured API is kept", () => {
  const { dist } = copyOfDist();
  const args = [dist, "--base-path", "/ops/panel/", "--api-base", "https://api.example.com:8443/api/v1"];
  assert.equal(configureDist(args).code, 0);
  const first = digest(dist);
  assert.equal(configureDist(args).code, 0);
  assert.deepEqual(digest(dist), first);
  assert.equal(configureDist([dist, "--base-path", "/other/"]).code, 0);
  assert.equal(JSON.parse(read(dist, "config.json")).api_base, "https://api.example.com:8443/api/v1");
  assert.match(read(dist, "index.html"), /connect-src 'self' https:\/\/api\.example\.com:8443;/);
});

test("a bad argument gets a clear message and leaves the build unchanged", () => {
  const { dist } = copyOfDist();
  const before = digest(dist);
  for (const [args, message] of [
    [[dist], /--base-path is required/],
    [[dist, "--base-path", "ops/panel"], /must start with \//],
    [[dist, "--base-path", "/a/../b/"], /\.\. segments/],
    [[dist, "--base-path", "/a b/"], /only letters, digits/],
    [[dist, "--base-path", "/p/", "--api-base", "ftp://files.example/api"], /a path \(\/api\/v1\) or an http\(s\) URL/],
    [[dist, "--base-path", "/p/", "--api-base", "https://x.example/\"onload"], /only URL characters/],
    [[dist, "--base-path"], /needs a value/],
    [[dist, "--base-path", "/p/", "--colour", "blue"], /unknown argument: --colour/],
    [[join(dist, "nowhere"), "--base-path", "/p/"], /has no index\.html/],
  ]) {
    const run = configureDist(args);
    assert.equal(run.code, 2, `${args.join(" ")}: ${run.output}`);
    assert.match(run.output, message);
  }
  assert.deepEqual(digest(dist), before);
});
