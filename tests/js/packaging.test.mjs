// The packed tarball, installed into a fresh project the way users get it:
// Node CommonJS and ES modules, tsc --strict on a TypeScript consumer, and a
// plain ES-module page in headless Chromium (playwright-core, /usr/bin/chromium).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { apiBase, emulator, newRoom, root, token } from "./support.mjs";

const tools = path.join(root, "tools/js/node_modules");
const { chromium } = await import(path.join(tools, "playwright-core/index.mjs"));
const out = path.join(root, "target/npm");
const tarball = path.join(out, fs.readdirSync(out).find((f) => f.endsWith(".tgz")));
const project = fs.mkdtempSync(path.join(os.tmpdir(), "hms-room-codes-consumer-"));
const installed = path.join(project, "node_modules/hms-room-codes");

const node = (args, input) =>
  execFileSync(process.execPath, args, { cwd: project, input, encoding: "utf8", env: { ...process.env } });

before(() => {
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: project });
});
after(() => fs.rmSync(project, { recursive: true, force: true }));

test("the tarball holds the package and nothing else", () => {
  const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
  const names = files.map((f) => f.replace(/^package\//, "").replace(/snippets\/[^/]+\//, "snippets/*/"));
  assert.deepEqual(names, [
    "README.md", "hms_room_codes.js", "hms_room_codes_bg.wasm", "index.cjs", "index.d.cts", "index.d.mts", "index.mjs",
    "node-fetch.cjs", "node-fetch.d.cts", "package.json", "snippets/*/src/wasm/error.js", "web/hms_room_codes.js", "web/index.d.ts", "web/index.js",
    "web/package.json", "web/snippets/*/src/wasm/error.js",
  ].sort());
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
  assert.equal(manifest.engines.node, ">=18");
  assert.ok(manifest.exports["."].node.require && manifest.exports["."].node.import && manifest.exports["."].browser);
  const gzipped = execFileSync("gzip", ["-9", "-c", path.join(installed, "hms_room_codes_bg.wasm")]).length;
  assert.ok(gzipped <= 100 * 1000, `the .wasm is ${gzipped} bytes gzipped`);
});

const script = (load) => `
  ${load}
  const client = new RoomCodesClient({ managementToken: ${JSON.stringify(token)}, baseUrl: ${JSON.stringify(apiBase)} });
  client.create(process.argv.at(-1)).then(
    (codes) => console.log(JSON.stringify({ roles: codes.map((c) => c.role).sort(), names: Object.keys(m).sort() })),
    (e) => { console.error(e); process.exit(1); });
  client.create("").catch((e) => { if (!(e instanceof HmsError) || !(e instanceof Error)) process.exit(2); });`;

test("Node CommonJS require (without require(esm))", async () => {
  const room = await newRoom();
  const load = `const m = require("hms-room-codes"); const { RoomCodesClient, HmsError } = m;`;
  const result = JSON.parse(node(["--no-experimental-require-module", "-", room], script(load)));
  assert.deepEqual(result.roles, ["guest", "host", "viewer"]);
  assert.deepEqual(result.names, ["HmsError", "RoomCodeList", "RoomCodesClient", "isHmsError", "keepAliveFetch", "roomLink"]);
});

test("Node ES module import, sharing the CommonJS instance", async () => {
  const room = await newRoom();
  const load = `import * as m from "hms-room-codes"; import { createRequire } from "node:module";
    const { RoomCodesClient, HmsError } = m;
    if (createRequire(import.meta.url)("hms-room-codes").HmsError !== HmsError) process.exit(3);`;
  const result = JSON.parse(node(["--input-type=module", "-", room], script(load)));
  assert.deepEqual(result.roles, ["guest", "host", "viewer"]);
  assert.deepEqual(result.names, ["HmsError", "RoomCodeList", "RoomCodesClient", "isHmsError", "keepAliveFetch", "roomLink"]);
});

test("tsc --strict compiles a TypeScript consumer; the types have no any", () => {
  for (const file of ["consumer.ts", "tsconfig.json"]) {
    fs.copyFileSync(path.join(root, "tests/js/consumer", file), path.join(project, file));
  }
  execFileSync(path.join(tools, ".bin/tsc"), ["-p", project, "--strict", "--noEmit"], { encoding: "utf8" });
  for (const types of ["index.d.cts", "index.d.mts", "web/index.d.ts"]) {
    const code = fs.readFileSync(path.join(installed, types), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, `${types} uses any`);
  }
});

/** Forwards `request` to the emulator with the management token: the app's proxy. */
async function forward(request, response) {
  const body = await new Promise((resolve) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk)).on("end", () => resolve(Buffer.concat(chunks)));
  });
  const headers = { authorization: `Bearer ${token}`, "content-type": request.headers["content-type"] ?? "" };
  const answer = await fetch(`${emulator}${request.url}`, {
    method: request.method,
    headers,
    body: request.method === "GET" ? undefined : body,
  });
  response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/** Serves the consumer project and the test page (with an import map from the
 * package's exports), and proxies /v2 to the emulator. */
function serve() {
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
  const entry = path.posix.join("/node_modules/hms-room-codes", manifest.exports["."].browser.default);
  const page = fs
    .readFileSync(path.join(root, "tests/js/consumer/page.html"), "utf8")
    .replace("@IMPORTMAP@", JSON.stringify({ imports: { "hms-room-codes": entry } }));
  const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    if (url.pathname.startsWith("/v2/")) {
      forward(request, response);
      return;
    }
    if (url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html" }).end(page);
      return;
    }
    const file = path.join(project, path.normalize(url.pathname));
    if (!file.startsWith(project) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("a browser page creates codes through its proxy and shows them", async () => {
  const room = await newRoom();
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const query = new URLSearchParams({ room });
    await page.goto(`http://127.0.0.1:${server.address().port}/?${query}`);
    await page.waitForFunction(() => document.getElementById("status").textContent !== "loading…", null, { timeout: 15000 });
    assert.equal(await page.textContent("#status"), "done", errors.join("\n"));
    const shown = await page.$$eval("#codes li", (items) => items.map((li) => li.textContent));
    assert.equal(shown.length, 3);
    for (const role of ["guest", "host", "viewer"]) {
      const line = shown.find((text) => text.startsWith(`${role}: `));
      assert.match(line, /^\w+: [a-z]{3}-[a-z]{4}-[a-z]{3} https:\/\/demo\.app\.100ms\.live\/meeting\/[a-z-]+$/);
    }
    const names = await page.evaluate(async () => Object.keys(await import("hms-room-codes")).sort());
    assert.deepEqual(names, ["HmsError", "RoomCodeList", "RoomCodesClient", "isHmsError", "roomLink"]);
  } finally {
    await browser.close();
    server.close();
  }
});
