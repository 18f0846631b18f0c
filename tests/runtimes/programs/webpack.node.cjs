// webpack, target node: the server bundle of require.cjs.
module.exports = {
  target: "node",
  mode: "production",
  entry: "./require.cjs",
  output: { path: `${__dirname}/dist`, filename: "webpack-node.cjs" },
  // One file: the program's import() of its check stays in the bundle.
  module: { parser: { javascript: { dynamicImportMode: "eager" } } },
};
