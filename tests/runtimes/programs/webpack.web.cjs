// webpack, target web: the page of browser.mjs, with no configuration for the package.
const fs = require("node:fs");

module.exports = {
  mode: "production",
  entry: "./browser.mjs",
  output: { path: `${__dirname}/dist/webpack`, filename: "browser.mjs" },
  plugins: [{ apply: (compiler) => compiler.hooks.done.tap("page", () => fs.copyFileSync(`${__dirname}/index.html`, `${__dirname}/dist/webpack/index.html`)) }],
};
