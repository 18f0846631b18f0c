// Node cold start and footprint, ours against the official SDK, each installed
// fresh. Cold start is timed on whole processes, in pairs: each round starts a
// bare `node -e 0`, then a process that imports + constructs + makes one call
// with ours, and one with the official SDK (in a rotated order); a package's
// added time is the median over rounds of (its process − that round's bare
// one). Also its peak RSS, and the installed bytes, files and packages.
//   node coldstart.mjs OUT.json
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newRooms } from "./emulator.mjs";
import { installBoth } from "./install.mjs";
import { quantile } from "./stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = 15;

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

/** Runs `node ...args` to its end; its wall time in ms and what it printed. */
function timed(args) {
  const started = performance.now();
  const out = execFileSync(process.execPath, args, { encoding: "utf8" });
  return { ms: performance.now() - started, out };
}

const dirs = installBoth();
const [room] = await newRooms(1);
const names = Object.keys(dirs);
const runs = Object.fromEntries(names.map((name) => [name, []]));
const bare = [];
for (let round = 0; round < ROUNDS; round++) {
  const { ms: bareMs } = timed(["-e", "0"]);
  bare.push(bareMs);
  for (const name of names.map((_, i) => names[(i + round) % names.length])) {
    const { ms, out } = timed([path.join(here, "cold-child.cjs"), name, dirs[name], room]);
    runs[name].push({ ms, added: ms - bareMs, peak_rss: JSON.parse(out).peak_rss });
  }
}
const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
const results = { bare_ms: median(bare) };
for (const name of names) {
  const r = runs[name];
  results[name] = {
    process_ms: median(r.map((x) => x.ms)),
    added_ms: median(r.map((x) => x.added)),
    peak_rss: median(r.map((x) => x.peak_rss)),
    ...footprint(dirs[name]),
  };
  fs.rmSync(dirs[name], { recursive: true, force: true });
  console.log(name, JSON.stringify(results[name]));
}
console.log("bare node -e 0", results.bare_ms.toFixed(1), "ms");
fs.writeFileSync(process.argv[2], JSON.stringify(results, null, 1));
