// The fetch rows of `make bench` (issue 20), runnable alone to iterate fast:
//   bash scripts/with-emulator.sh node bench/js/fetch/rows.mjs [OUT.json] [ROUNDS] [RUNTIME-REGEX]
// after `make npm-package` and `npm ci` in tests/runtimes (the pinned Deno,
// Bun and esbuild of the runtime matrix). Prints, per runtime, req/s of ours
// and of raw `fetch` + `res.json()` (Node: ours with `fetch:
// globalThis.fetch`; Node's default transport against raw node:http too) for
// create_for_role and a whole 100-code list page, at 1 and 32 in flight, each
// the median of ROUNDS (default 3) interleaved rounds; and the gzipped size of
// an esbuild browser bundle of authTokenForCode + roomLink, wasm included.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const tools = path.join(root, "tests/runtimes/node_modules/.bin");
const [out, rounds = "3", only] = process.argv.slice(2);

/** The runtimes, each with its command and the clients it compares: the last
 * is the baseline of the others. In Deno and Bun, "ours" is what the package
 * does given no `fetch` (both read the `node` condition of its exports). */
const RUNTIMES = [
  { name: "Deno", command: [path.join(tools, "deno"), "run", "-A"], clients: ["ours (global fetch)", "ours", "raw fetch"] },
  { name: "Bun", command: [path.join(tools, "bun")], clients: ["ours (global fetch)", "ours", "raw fetch"] },
  { name: "Node, fetch", command: [process.execPath], clients: ["ours (global fetch)", "raw fetch"] },
  { name: "Node, default", command: [process.execPath], clients: ["ours", "raw node:http"] },
];

/** A project whose node_modules holds the package `make npm-package` built. */
function project() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-fetch-bench-"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "fetch-bench", private: true, type: "module" }));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.cpSync(path.join(root, "target/npm/hms-room-codes"), path.join(dir, "node_modules/hms-room-codes"), { recursive: true });
  for (const file of ["child.mjs", "page.mjs"]) fs.copyFileSync(path.join(here, file), path.join(dir, file));
  for (const file of ["stats.mjs", "raw-http.mjs"]) fs.copyFileSync(path.join(here, "..", file), path.join(dir, file));
  return dir;
}

/** Runs `command` in `cwd`; its stdout (rejects on a failure or after 10 minutes). */
function run([command, ...args], cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (status === 0) resolve(stdout);
      else reject(new Error(`${path.basename(command)} ${args.join(" ")}: ${signal ?? `exit ${status}`}`));
    });
  });
}

/** The browser page bundled by esbuild (minified, ES2022), gzipped: bytes. */
async function bundleSize(dir) {
  await run([path.join(tools, "esbuild"), "page.mjs", "--bundle", "--minify", "--format=esm", "--target=es2022", "--outfile=page.js", "--log-level=warning"], dir);
  const bundle = fs.readFileSync(path.join(dir, "page.js"));
  return { raw: bundle.length, gzip: zlib.gzipSync(bundle, { level: 9 }).length };
}

const dir = project();
const results = { rows: [], bundle: null };
try {
  for (const runtime of RUNTIMES.filter((r) => !only || new RegExp(only, "i").test(r.name))) {
    const line = await run([...runtime.command, "child.mjs", rounds, ...runtime.clients], dir);
    const measured = JSON.parse(line.trim().split("\n").at(-1));
    const base = runtime.clients.at(-1);
    console.log(`${measured.runtime}, against ${base}:`);
    for (const row of measured.rows.filter((r) => r.client !== base)) {
      const baseline = measured.rows.find((r) => r.client === base && r.operation === row.operation && r.concurrency === row.concurrency);
      const r = { runtime: runtime.name, version: measured.runtime, ...row, baseline: base, baseline_rps: baseline.rps, ratio: row.rps / baseline.rps };
      results.rows.push(r);
      console.log(`  ${r.client.padEnd(20)} ${r.operation.padEnd(16)} x${String(r.concurrency).padEnd(3)} ${r.rps.toFixed(0).padStart(6)} / ${r.baseline_rps.toFixed(0).padStart(6)} req/s = ${r.ratio.toFixed(2)}`);
    }
  }
  results.bundle = await bundleSize(dir);
  console.log(`browser page (esbuild, minified, wasm embedded): ${results.bundle.raw} bytes, ${(results.bundle.gzip / 1000).toFixed(1)} KB gzipped`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
if (out) fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true }), fs.writeFileSync(out, JSON.stringify(results, null, 1));
