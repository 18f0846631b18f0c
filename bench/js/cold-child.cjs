// One cold start, in a fresh process: require a client, construct it, make one
// create-for-role call; prints {ms, peak_rss} (ms: from this script's first
// line; coldstart.mjs times the whole process). CommonJS, like the `node -e 0`
// it is compared with: an ES module would add the ESM loader's start-up to
// both packages' figures, which is neither package's doing. Run by coldstart.mjs:
//   node cold-child.cjs ours|official|none PACKAGE_DIR ROOM   (none: the harness alone)
"use strict";
const started = performance.now();
const [which, dir, room] = process.argv.slice(2);
const { HMS_EMULATOR_ACCESS_KEY: accessKey, HMS_EMULATOR_SECRET: appSecret, HMS_API_BASE_URL: apiBase } = process.env;
const load = require("node:module").createRequire(`${dir}/`);

/** The one call, through the package `which` names. */
async function call() {
  if (which === "none") return;
  if (which === "ours") {
    const { RoomCodesClient } = load("hms-room-codes");
    await new RoomCodesClient({ accessKey, appSecret, baseUrl: apiBase, authBaseUrl: apiBase }).createForRole(room, "guest");
  } else {
    const { SDK } = load("@100mslive/server-sdk");
    const sdk = new SDK(accessKey, appSecret);
    sdk.setLogLevel("warn");
    sdk.api.axios.defaults.baseURL = apiBase;
    await sdk.roomCodes.createForRole(room, "guest");
  }
}

call().then(() => {
  const ms = performance.now() - started;
  // fs.writeSync, not console.log: setting up process.stdout would add its own
  // milliseconds to both packages' figures.
  require("node:fs").writeSync(1, `${JSON.stringify({ ms, peak_rss: process.resourceUsage().maxRSS * 1024 })}\n`);
});
