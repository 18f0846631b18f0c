// Node cold start and footprint, ours against the official SDK, each installed
// fresh: the median of 10 fresh processes that import + construct + make one
// call, their peak RSS, and the installed bytes, files and packages.
//   node coldstart.mjs OUT.json
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newRooms } from "./emulator.mjs";
import { installBoth } from "./install.mjs";
import { quantile } from "./stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 10;

/** Bytes and files under `dir`, and the packages in its node_modules. */
function footprint(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) (bytes += fs.statSync(p).size), files++;
    }
  };
  const modules = path.join(dir, "node_modules");
  walk(modules);
  const lock = JSON.parse(fs.readFileSync(path.join(modules, ".package-lock.json"), "utf8"));
  return { installed_bytes: bytes, installed_files: files, packages: Object.keys(lock.packages).length };
}

const dirs = installBoth();
const [room] = await newRooms(1);
const results = {};
for (const [which, dir] of Object.entries(dirs)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [path.join(here, "cold-child.mjs"), which, dir, room], { encoding: "utf8" });
    runs.push(JSON.parse(out));
  }
  const sorted = (key) => runs.map((r) => r[key]).sort((a, b) => a - b);
  results[which] = { cold_start_ms: quantile(sorted("ms"), 0.5), peak_rss: quantile(sorted("peak_rss"), 0.5), ...footprint(dir) };
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(which, JSON.stringify(results[which]));
}
fs.writeFileSync(process.argv[2], JSON.stringify(results, null, 1));
