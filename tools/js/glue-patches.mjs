// The changes build-package.mjs makes to wasm-bindgen's output, and the checks
// that what runtime.cjs relies on in it is there. Each one fails the build
// with a message naming what it looked for when wasm-bindgen's output no
// longer has it (a new wasm-bindgen version), instead of shipping a package
// that breaks at run time. tests/js/glue-patches.test.mjs runs each on a text
// without its pattern.

/** Fails the build: `what` was not found in wasm-bindgen's output. */
function missing(what) {
  return new Error(`build-package: wasm-bindgen's output has no ${what}; check this patch against the new wasm-bindgen`);
}

/** The glue with each `import {…} from './snippets/…'` replaced by the
 * snippet's text (read by `readSnippet(path)`). */
export function inlineSnippets(code, readSnippet) {
  const imports = [...code.matchAll(/^import \{[^}]*\} from '(\.\/snippets\/[^']+)';\n/gm)];
  if (imports.length === 0) throw missing("import of its snippets (import {…} from './snippets/…')");
  for (const [line, snippet] of imports) code = `${readSnippet(snippet)}\n${code.replace(line, "")}`;
  return code;
}

/** The glue as CommonJS: each `export class|function` is kept under its name
 * in `module.exports`. Any other import or export fails. */
export function toCommonJs(code) {
  if (/^\s*(import|export) (?!(class|function) )/m.test(code)) {
    throw new Error("build-package: the glue has an import or export this build cannot convert");
  }
  const names = [...code.matchAll(/^export (?:class|function) (\w+)/gm)].map((m) => m[1]);
  if (names.length === 0) throw missing("`export class` or `export function`");
  return `${code.replace(/^export (class|function) /gm, "$1 ")}\nmodule.exports = { ${names.join(", ")} };\n`;
}

/** What runtime.cjs uses of the glue and the wasm: `__wbg_set_wasm` (how it
 * gives the glue the instance), an import named `__wbg_getRandomValues_…`
 * (replaced for `options.randomValues`), `__wbindgen_start`, and the closure
 * exports it lets return quietly after a trap. */
export function checkRuntimeContract(code, wasmExports) {
  if (!/^export function __wbg_set_wasm\(/m.test(code)) throw missing("export function __wbg_set_wasm");
  if (!/^export function __wbg_getRandomValues_\w+\(/m.test(code)) throw missing("import __wbg_getRandomValues_… (getrandom's)");
  if (!wasmExports.includes("__wbindgen_start")) throw missing("wasm export __wbindgen_start");
  if (!wasmExports.some((name) => /^wasm_bindgen__convert__closures/.test(name))) {
    throw missing("wasm export wasm_bindgen__convert__closures… (runtime.cjs's CALLBACK)");
  }
}

/** The types with each class's `[Symbol.dispose](): void;` moved into an
 * interface `DisposableWhereSupported` merged with the class. */
export function moveDispose(types) {
  const disposable = [];
  types = types.replace(/^export class (\w+) \{\n(?:(?!^\}).*\n)*?^\}\n/gm, (body, name) => {
    const stripped = body.replace(/^ *\[Symbol\.dispose\]\(\): void;\n/m, "");
    if (stripped === body) return body;
    disposable.push(name);
    return `${stripped}export interface ${name} extends DisposableWhereSupported {}\n`;
  });
  if (/Symbol\.dispose/.test(types) || disposable.length === 0) throw missing("class with `[Symbol.dispose](): void;` this build can move");
  return (
    types +
    "\n/** `[Symbol.dispose]()`, the same as `free()`, where the TypeScript `lib` declares\n" +
    " * `Symbol.dispose` (`ESNext`, or `ESNext.Disposable`); nothing under an older one. */\n" +
    "type DisposableWhereSupported = SymbolConstructor extends { readonly dispose: infer S extends symbol }\n" +
    "  ? { [K in S]: () => void }\n" +
    "  : {};\n"
  );
}
