// The packed tarball, installed into a fresh project the way users get it:
// what it holds, `npm publish --dry-run`, Node CommonJS and ES modules, and
// tsc --strict on a TypeScript consumer. Other runtimes, bundlers and
// browsers: tests/runtimes (make test-runtimes).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { gzipSync, inflateRawSync } from "node:zlib";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { apiBase, newRoom, root, token } from "./support.mjs";

const tools = path.join(root, "tools/js/node_modules");
const out = path.join(root, "target/npm");
const require = createRequire(import.meta.url);
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

test("the tarball holds each file once, the licences, and nothing else", () => {
  const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
  assert.deepEqual(files.map((f) => f.replace(/^package\//, "")), [
    "LICENSE-APACHE", "LICENSE-MIT", "README.md", "browser.mjs", "hms_room_codes.cjs", "hms_room_codes_bg.wasm",
    "hms_room_codes_wasm.cjs", "index.cjs", "index.d.ts", "index.mjs", "node-fetch.cjs", "node-fetch.d.cts",
    "node.d.ts", "package.json", "runtime.cjs", "testing.cjs", "testing.d.ts", "testing.mjs", "workerd.mjs",
  ]);
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
  assert.equal(manifest.engines.node, ">=18");
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  const entry = manifest.exports["."];
  assert.deepEqual(Object.keys(entry), ["workerd", "edge-light", "node", "default"]);
  assert.deepEqual(entry["edge-light"], entry.workerd, "edge runtimes load the .wasm as workerd does");
  assert.ok(entry.node.require && entry.node.import);
  const wasm = fs.readFileSync(path.join(installed, "hms_room_codes_bg.wasm"));
  const embedded = inflateRawSync(Buffer.from(require(path.join(installed, "hms_room_codes_wasm.cjs")), "base64"));
  assert.ok(embedded.equals(wasm), "the embedded wasm is the .wasm file");
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gzipped <= 100 * 1000, `the .wasm is ${gzipped} bytes gzipped`);
});

test("npm publish --dry-run is clean", () => {
  const result = spawnSync("npm", ["publish", "--dry-run", path.join(out, "hms-room-codes")], { encoding: "utf8" });
  const warnings = result.stderr.split("\n").filter((line) => /warn|err/i.test(line) && !/requires you to be logged in/.test(line));
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(warnings, []);
  assert.match(result.stdout, /\+ hms-room-codes@/);
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
  for (const file of fs.readdirSync(path.join(root, "tests/js/consumer"))) {
    fs.copyFileSync(path.join(root, "tests/js/consumer", file), path.join(project, file));
  }
  const tsc = (...args) => execFileSync(path.join(tools, ".bin/tsc"), [...args, "--strict", "--noEmit"], { encoding: "utf8" });
  tsc("-p", project);
  // With a lib that has Symbol.dispose, `using` works under every resolution.
  for (const [module, resolution] of [["Node16", "Node16"], ["NodeNext", "NodeNext"], ["ESNext", "Bundler"], ["CommonJS", "Node10"]]) {
    tsc("-p", path.join(project, "tsconfig.disposable.json"), "--module", module, "--moduleResolution", resolution);
  }
  for (const types of ["index.d.ts", "node.d.ts", "node-fetch.d.cts", "testing.d.ts"]) {
    const code = fs.readFileSync(path.join(installed, types), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/, `${types} uses any`);
  }
});

/** The names of the values (not types) `file` exports, `export *` followed,
 * read by the TypeScript compiler: what a program may import and call. */
function declaredValues(file) {
  const ts = require(path.join(tools, "typescript"));
  const program = ts.createProgram([file], { strict: true, noEmit: true, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file));
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.flags & ts.SymbolFlags.Value;
    })
    .map((symbol) => symbol.name)
    .sort();
}

test("every value the types declare exists, through require and import, and nothing undeclared", () => {
  const nodeTypes = declaredValues(path.join(installed, "node.d.ts"));
  const sharedTypes = declaredValues(path.join(installed, "index.d.ts"));
  assert.ok(nodeTypes.includes("RoomCodesClient") && nodeTypes.includes("keepAliveFetch"), String(nodeTypes));
  const names = (load) => JSON.parse(node(["--input-type=module", "-"], `${load}\nconsole.log(JSON.stringify(Object.keys(m).sort()));`));
  const browser = JSON.stringify(String(new URL(`file://${path.join(installed, "browser.mjs")}`)));
  const entries = {
    require: [nodeTypes, names(`import { createRequire } from "node:module"; const m = createRequire(import.meta.url)("hms-room-codes");`)],
    import: [nodeTypes, names(`import * as m from "hms-room-codes";`)],
    "browser entry": [sharedTypes, names(`const m = await import(${browser});`)],
  };
  for (const [entry, [declared, exported]] of Object.entries(entries)) {
    assert.deepEqual(exported, declared, `${entry}: the values exported and the values the types declare`);
  }
});

test("the README says what the types need, and it is so: without the DOM lib or @types/node, AbortSignal is missing", () => {
  const readme = fs.readFileSync(path.join(installed, "README.md"), "utf8");
  for (const needed of ["`@types/node`", '"lib": ["ES2022", "DOM"]', "Cannot find name 'AbortSignal'", "NODE_EXTRA_CA_CERTS"]) {
    assert.ok(readme.includes(needed), `the README mentions ${needed}`);
  }
  for (const file of fs.readdirSync(path.join(root, "tests/js/consumer"))) {
    fs.copyFileSync(path.join(root, "tests/js/consumer", file), path.join(project, file));
  }
  const bare = spawnSync(path.join(tools, ".bin/tsc"), ["-p", project, "--lib", "ES2022", "--strict", "--noEmit"], { encoding: "utf8" });
  assert.notEqual(bare.status, 0);
  assert.match(bare.stdout, /Cannot find name 'AbortSignal'/);
  assert.match(fs.readFileSync(path.join(installed, "index.d.ts"), "utf8"), /Page size, 1 to 100/);
});
