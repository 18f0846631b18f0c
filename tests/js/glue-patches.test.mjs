// Each patch build-package.mjs makes to wasm-bindgen's output fails loudly,
// naming what it looked for, on a text without its pattern (what a new
// wasm-bindgen could produce), and does its job on one with it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRuntimeContract, inlineSnippets, moveDispose, toCommonJs } from "../../tools/js/glue-patches.mjs";

const loud = (what) => (error) => error instanceof Error && error.message.includes(what);

test("inlining snippets fails when the glue imports none, and inlines them otherwise", () => {
  assert.throws(() => inlineSnippets("export function f() {}\n", () => ""), loud("./snippets/"));
  const code = "import { a } from './snippets/x/error.js';\nexport function f() {}\n";
  assert.equal(inlineSnippets(code, () => "function a() {}"), "function a() {}\nexport function f() {}\n");
});

test("the CommonJS conversion fails on no export or another kind of export", () => {
  assert.throws(() => toCommonJs("function f() {}\n"), loud("export class"));
  assert.throws(() => toCommonJs("export const x = 1;\n"), loud("cannot convert"));
  assert.match(toCommonJs("export class A {}\nexport function b() {}\n"), /module\.exports = \{ A, b \};/);
});

test("the runtime contract fails on each missing name", () => {
  const glue = "export function __wbg_set_wasm(val) {}\nexport function __wbg_getRandomValues_1a2b(a, b) {}\n";
  const exports = ["__wbindgen_start", "wasm_bindgen__convert__closures_____invoke__h1"];
  checkRuntimeContract(glue, exports);
  assert.throws(() => checkRuntimeContract(glue.replace("__wbg_set_wasm", "__wbg_set"), exports), loud("__wbg_set_wasm"));
  assert.throws(() => checkRuntimeContract(glue.replace("getRandomValues", "random"), exports), loud("__wbg_getRandomValues_"));
  assert.throws(() => checkRuntimeContract(glue, exports.slice(1)), loud("__wbindgen_start"));
  assert.throws(() => checkRuntimeContract(glue, exports.slice(0, 1)), loud("wasm_bindgen__convert__closures"));
});

test("moving [Symbol.dispose] fails when no class has it, and moves it otherwise", () => {
  assert.throws(() => moveDispose("export class A {\n  free(): void;\n}\n"), loud("Symbol.dispose"));
  const moved = moveDispose("export class A {\n  free(): void;\n  [Symbol.dispose](): void;\n}\n");
  assert.match(moved, /export interface A extends DisposableWhereSupported \{\}/);
  assert.doesNotMatch(moved, /\[Symbol\.dispose\]\(\): void;/);
});
