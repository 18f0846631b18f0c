// CommonJS: Node, Deno, Bun, and the entry of the server bundles. (The check
// itself is an ES module, shared with the other programs.)
const pkg = require("hms-room-codes");

import("./check.mjs").then(({ main }) => main(pkg));
