// Assembles the npm package in target/npm/hms-room-codes from the wasm build
// (target/wasm32-unknown-unknown/wasm-release) and pkg-templates/, then packs
// it into target/npm/hms-room-codes-<version>.tgz. Run by `make npm-package`.
//
// Layout: the Node build (wasm-bindgen --target nodejs, CommonJS) at the root
// next to the one .wasm; the browser build (--target web, ES module) in web/,
// loading ../hms_room_codes_bg.wasm.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const built = path.join(root, "target/wasm32-unknown-unknown/wasm-release/hms_room_codes.wasm");
const templates = path.join(root, "pkg-templates");
const out = path.join(root, "target/npm");
const pkg = path.join(out, "hms-room-codes");
const wasmOpt = path.join(root, "tools/js/node_modules/.bin/wasm-opt");
const wasm = path.join(pkg, "hms_room_codes_bg.wasm");

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"] }).toString();
const version = /^version\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(root, "Cargo.toml"), "utf8"))[1];

fs.rmSync(pkg, { recursive: true, force: true });
const bindgen = ["--remove-name-section", "--remove-producers-section", built];
run("wasm-bindgen", ["--target", "nodejs", "--out-dir", pkg, ...bindgen]);
run("wasm-bindgen", ["--target", "web", "--omit-default-module-path", "--out-dir", path.join(pkg, "web"), ...bindgen]);

// One .wasm serves both builds.
const webWasm = path.join(pkg, "web/hms_room_codes_bg.wasm");
if (!fs.readFileSync(wasm).equals(fs.readFileSync(webWasm))) {
  throw new Error("the nodejs and web builds made different .wasm files");
}
for (const file of ["web/hms_room_codes_bg.wasm", "web/hms_room_codes_bg.wasm.d.ts", "hms_room_codes_bg.wasm.d.ts"]) {
  fs.rmSync(path.join(pkg, file));
}
const bindgenSize = fs.statSync(wasm).size;
run(wasmOpt, ["-Oz", wasm, "-o", wasm]);

// The HmsError snippet: an ES module; the CommonJS build gets a CommonJS copy
// (Node before 20.19 cannot require() an ES module).
const [snippetDir] = fs.readdirSync(path.join(pkg, "snippets"));
const errorJs = `snippets/${snippetDir}/src/wasm/error.js`;
const snippet = fs.readFileSync(path.join(pkg, errorJs), "utf8");
const names = [...snippet.matchAll(/^export (?:class|function) (\w+)/gm)].map((m) => m[1]);
const commonJs = snippet.replace(/^export (class|function) /gm, "$1 ");
fs.writeFileSync(path.join(pkg, errorJs), `"use strict";\n${commonJs}\nmodule.exports = { ${names.join(", ")} };\n`);

// One declaration file for every entry point. `[Symbol.dispose]` stays in the
// JS but leaves the types, which then compile with an ES2022 `lib`.
const types = fs
  .readFileSync(path.join(pkg, "hms_room_codes.d.ts"), "utf8")
  .replace(/^ *\[Symbol\.dispose\]\(\): void;\n/gm, "");
// The Node entries add keepAliveFetch (pkg-templates/node-fetch.*).
const nodeOnly = 'export { keepAliveFetch, KeepAliveFetchOptions } from "./node-fetch.cjs";\n';
for (const [file, extra] of [["index.d.cts", nodeOnly], ["index.d.mts", nodeOnly], ["web/index.d.ts", ""]]) {
  fs.writeFileSync(path.join(pkg, file), types + extra);
}
fs.rmSync(path.join(pkg, "hms_room_codes.d.ts"));
fs.rmSync(path.join(pkg, "web/hms_room_codes.d.ts"));

for (const file of fs.readdirSync(templates, { recursive: true })) {
  const from = path.join(templates, file);
  if (fs.statSync(from).isDirectory()) continue;
  const text = fs.readFileSync(from, "utf8").replaceAll("@VERSION@", version).replaceAll("@ERROR_JS@", errorJs);
  fs.writeFileSync(path.join(pkg, file), text);
}

const tarball = run("npm", ["pack", "--silent", "--pack-destination", out, pkg]).trim().split("\n").pop();
const gz = execFileSync("gzip", ["-9", "-c", wasm]).length;
console.log(`npm-package: ${path.relative(root, path.join(out, tarball))}`);
console.log(`  .wasm ${fs.statSync(wasm).size} bytes (${bindgenSize} before wasm-opt), ${gz} gzipped`);
