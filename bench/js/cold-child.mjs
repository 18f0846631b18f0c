// One cold start, in a fresh process: import a client, construct it, make one
// create-for-role call; prints {ms, peak_rss} (ms: from this script's first
// line; coldstart.mjs times the whole process). Run by coldstart.mjs:
//   node cold-child.mjs ours|official PACKAGE_DIR ROOM
const started = performance.now();
const [which, dir, room] = process.argv.slice(2);
const { HMS_ACCESS_KEY: accessKey, HMS_SECRET: appSecret, HMS_API_BASE_URL: apiBase } = process.env;
const { createRequire } = await import("node:module");
const load = createRequire(`${dir}/`);
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
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peak_rss: process.resourceUsage().maxRSS * 1024 }));
