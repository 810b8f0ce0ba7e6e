// The simulator the benchmarks run against: the release build of vps-devapi serving dist/,
// paging 100 a time, with `servers` servers in all (6 seed ones plus generated ones).
import { spawn } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Starts it with `token` and any `extra` flags; resolves to its `url` and a `stop()`. */
export async function benchSimulator(servers, token, extra = []) {
  const child = spawn(join(ROOT, "target/release/vps-devapi"), [
    "--port", "0", "--dist", join(ROOT, "dist"), "--token", token, "--control",
    "--page-size", "100", "--servers", String(servers - 6), ...extra,
  ], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) resolve(found[0]);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited ${code}`)));
  });
  return { url, stop: () => child.kill() };
}
