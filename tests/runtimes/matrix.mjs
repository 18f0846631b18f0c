// The runtime matrix (make test-runtimes): the packed tarball installed into a
// fresh project, then the same check (programs/check.cjs: app keys,
// createForRole and a full list against the emulator) in every runtime and
// bundler a user would put the package in, each with a hard timeout. Prints
// a table runtime → ok/FAIL and exits with 1 if any row failed.
//
// Run under scripts/with-emulator.sh, after `npm ci` here and `make npm-package`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bin = (name) => path.join(here, "node_modules/.bin", name);
const tool = (file) => path.join(here, "node_modules", file);
/** Each row's limit, start-up and install included. */
const TIMEOUT_MS = 90_000;

const env = process.env;
if (!env.HMS_EMULATOR_URL) throw new Error("run the matrix under scripts/with-emulator.sh");
const apiBase = env.HMS_API_BASE_URL;

const out = path.join(root, "target/npm");
const tarball = path.join(out, fs.readdirSync(out).find((f) => f.endsWith(".tgz")));
const project = fs.mkdtempSync(path.join(os.tmpdir(), "hms-room-codes-matrix-"));

/** Runs `command` in `cwd` to its end within the timeout; its stdout. */
function run(command, args, { cwd = project, extraEnv = {}, timeout = TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), timeout);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (status === 0) resolve(stdout.trim());
      else reject(new Error(`${path.basename(command)} ${args.join(" ")}: ${signal ?? `exit ${status}`}\n${stdout}${stderr}`.trim()));
    });
  });
}

/** Starts a long-running `command` (a dev server) and resolves once its
 * output matches `ready`; `stop()` ends it and its children. */
function serve(command, args, ready, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: project, env: { ...env, ...extraEnv }, detached: true });
    const stop = () => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    };
    let output = "";
    const timer = setTimeout(() => (stop(), reject(new Error(`not ready in time:\n${output}`))), TIMEOUT_MS);
    const look = (chunk) => {
      output += chunk;
      // Colours are on where CI is set (Vite's "Local:" then has escapes inside it).
      if (ready.test(output.replace(/\x1b\[[0-9;]*m/g, ""))) (clearTimeout(timer), resolve({ stop, output }));
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    child.on("close", (status) => (clearTimeout(timer), reject(new Error(`exited ${status}:\n${output}`))));
  });
}

/** A free loopback port. */
function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves the files of `dir` over HTTP; its URL and `stop()`. */
function serveFiles(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = path.join(dir, path.normalize(url.pathname === "/" ? "/index.html" : url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() })),
  );
}

/** A new room of the default template; its id. */
async function newRoom() {
  const response = await fetch(`${apiBase}/rooms`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.HMS_MANAGEMENT_TOKEN}`, "content-type": "application/json" },
    body: "{}",
  });
  return (await response.json()).id;
}

/** The check as a command-line program run by `command`. */
const program = (command, ...args) => async () => run(command, args, { extraEnv: { HMS_ROOM_ID: await newRoom() } });

/** The check as a server bundle, run by plain node from a directory with no node_modules. */
const serverBundle = (build, file) => async () => {
  await build();
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), "hms-room-codes-bundle-"));
  fs.copyFileSync(path.join(project, "dist", file), path.join(alone, file));
  try {
    return await run(process.execPath, [file], { cwd: alone, extraEnv: { HMS_ROOM_ID: await newRoom() } });
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
};

let browser;
/** Opens `url` with the check's settings in headless Chromium; the page's result. */
async function openPage(url) {
  const { chromium } = await import(tool("playwright-core/index.mjs"));
  browser ??= await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  try {
    const query = new URLSearchParams({ apiBase, accessKey: env.HMS_EMULATOR_ACCESS_KEY, appSecret: env.HMS_EMULATOR_SECRET, room: await newRoom() });
    await page.goto(`${url}?${query}`);
    await page.waitForFunction(() => document.title.startsWith("ok") || document.title.startsWith("FAIL"), null, { timeout: 30_000 });
    const title = await page.title();
    if (!title.startsWith("ok")) throw new Error(`${title}\n${errors.join("\n")}`);
    return title;
  } catch (error) {
    throw new Error(`${error.message}\n${errors.join("\n")}`);
  } finally {
    await page.close();
  }
}

/** The check as a page built into dist/<name> by `build`. */
const builtPage = (name, build) => async () => {
  await build();
  const server = await serveFiles(path.join(project, "dist", name));
  try {
    return await openPage(server.url);
  } finally {
    server.stop();
  }
};

/** The check as a page of a Vite dev server (`vite` is its CLI). */
const viteDev = (vite) => async () => {
  const port = await freePort();
  const server = await serve(process.execPath, [vite, "--port", String(port), "--strictPort", "--host", "127.0.0.1", "--force"], /Local:/);
  try {
    return await openPage(`http://127.0.0.1:${port}/`);
  } finally {
    server.stop();
  }
};

/** The check in a Worker under `wrangler dev` (workerd). */
async function workerd() {
  const port = await freePort();
  const vars = { apiBase, accessKey: env.HMS_EMULATOR_ACCESS_KEY, appSecret: env.HMS_EMULATOR_SECRET, room: await newRoom() };
  const args = ["dev", "worker.mjs", "--name", "matrix", "--compatibility-date", "2025-06-01", "--ip", "127.0.0.1",
    "--port", String(port), "--inspector-port", String(await freePort()), ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])];
  const server = await serve(bin("wrangler"), args, /Ready on/, { WRANGLER_SEND_METRICS: "false", CI: "1" });
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(text);
    return text;
  } finally {
    server.stop();
  }
}

const node18 = tool("node18/bin/node");
const node22 = tool("node22/bin/node");
const vite5 = tool("vite5/bin/vite.js");
const vite8 = tool("vite/bin/vite.js");
const webpack = (config) => () => run(process.execPath, [tool("webpack-cli/bin/cli.js"), "--config", config]);
const esbuild = (...args) => () => run(bin("esbuild"), args);

/** The page bundled by esbuild, next to its index.html. */
async function esbuildPage() {
  await run(bin("esbuild"), ["browser.mjs", "--bundle", "--format=esm", "--outfile=dist/esbuild/browser.mjs"]);
  fs.copyFileSync(path.join(project, "index.html"), path.join(project, "dist/esbuild/index.html"));
}

/** The Worker bundled as Vercel's edge runtime resolves the package (the
 * `edge-light` condition): it must reach the workerd entry, which imports the
 * .wasm as a module, not the default one, which compiles wasm from bytes.
 * Resolved only: no edge runtime runs here. */
async function edgeLight() {
  const bundle = "dist/edge-light.mjs";
  await run(bin("esbuild"), ["worker.mjs", "--bundle", "--format=esm", "--conditions=edge-light", "--external:*.wasm", `--outfile=${bundle}`]);
  const code = fs.readFileSync(path.join(project, bundle), "utf8");
  if (!/^import \w+ from "[^"]*hms_room_codes_bg\.wasm";$/m.test(code)) throw new Error("the bundle does not import the .wasm");
  if (code.includes("DecompressionStream")) throw new Error("the bundle holds the default entry's embedded wasm");
  return "resolved to the workerd entry (not run)";
}

const rows = [
  ["Node 18, require", program(node18, "require.cjs")],
  ["Node 18, import", program(node18, "import.mjs")],
  [`Node ${process.versions.node.split(".")[0]}, require (no require(esm))`, program(process.execPath, "--no-experimental-require-module", "require.cjs")],
  [`Node ${process.versions.node.split(".")[0]}, import`, program(process.execPath, "import.mjs")],
  ["Node 22, require", program(node22, "require.cjs")],
  ["Node 22, import", program(node22, "import.mjs")],
  ["Deno, import from node_modules", program(bin("deno"), "run", "-A", "import.mjs")],
  ["Deno, npm: specifier", program(bin("deno"), "run", "-A", "deno-npm.mjs")],
  ["Deno, require", program(bin("deno"), "run", "-A", "require.cjs")],
  ["Bun, import", program(bin("bun"), "import.mjs")],
  ["Bun, require", program(bin("bun"), "require.cjs")],
  ["Cloudflare workerd (wrangler dev)", workerd],
  ["Vercel edge (edge-light condition), esbuild: resolved, not run", edgeLight],
  ["esbuild --platform=node bundle", serverBundle(esbuild("require.cjs", "--bundle", "--platform=node", "--outfile=dist/esbuild-node.cjs"), "esbuild-node.cjs")],
  ["webpack target node bundle", serverBundle(webpack("webpack.node.cjs"), "webpack-node.cjs")],
  ["esbuild browser bundle (ESM), Chromium", builtPage("esbuild", esbuildPage)],
  ["webpack 5 (web), Chromium", builtPage("webpack", webpack("webpack.web.cjs"))],
  ["Vite 5 build, Chromium", builtPage("vite5", () => run(process.execPath, [vite5, "build", "--outDir", "dist/vite5"]))],
  ["Vite 5 dev server, Chromium", viteDev(vite5)],
  ["Vite 8 build, Chromium", builtPage("vite8", () => run(process.execPath, [vite8, "build", "--outDir", "dist/vite8"]))],
  ["Vite 8 dev server, Chromium", viteDev(vite8)],
];

/** Sets up the project: the programs, the bundler configs, and the tarball installed. */
async function prepare() {
  for (const file of fs.readdirSync(path.join(here, "programs"))) {
    fs.copyFileSync(path.join(here, "programs", file), path.join(project, file));
  }
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "matrix-app", private: true }));
  // Vite gets exactly the configuration the package's README gives.
  const readme = fs.readFileSync(path.join(root, "pkg-templates/README.md"), "utf8");
  fs.writeFileSync(path.join(project, "vite.config.mjs"), /```js\n(\/\/ vite\.config\.js\n[^`]*)```/.exec(readme)[1]);
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball]);
}

const only = process.argv[2] ? new RegExp(process.argv[2], "i") : null;
const started = Date.now();
const results = [];
try {
  await prepare();
  for (const [name, check] of rows.filter(([name]) => !only || only.test(name))) {
    const t0 = Date.now();
    let outcome;
    try {
      const detail = await Promise.race([
        check(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref()),
      ]);
      outcome = { ok: true, detail };
    } catch (error) {
      outcome = { ok: false, detail: error.message };
    }
    results.push({ name, ...outcome, seconds: (Date.now() - t0) / 1000 });
    const last = results.at(-1);
    console.error(`${last.ok ? "ok  " : "FAIL"} ${name} (${last.seconds.toFixed(1)} s)${last.ok ? "" : `\n${last.detail}`}`);
  }
} finally {
  await browser?.close();
  fs.rmSync(project, { recursive: true, force: true });
}

const width = Math.max(...results.map((r) => r.name.length));
console.log(`\n| ${"runtime".padEnd(width)} | result |\n|${"-".repeat(width + 2)}|--------|`);
for (const r of results) console.log(`| ${r.name.padEnd(width)} | ${r.ok ? "ok    " : "FAIL  "} |`);
console.log(`\nmatrix: ${results.filter((r) => r.ok).length}/${results.length} ok in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = results.every((r) => r.ok) && results.length > 0 ? 0 : 1;
