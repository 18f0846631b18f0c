// A Cloudflare Worker (workerd): answers each request with the check's
// result. A worker's settings are bindings, not an environment: fromEnv must
// refuse clearly.
import * as pkg from "hms-room-codes";
import { check, fromEnvRefused } from "./check.mjs";

export default {
  async fetch(_request, env) {
    return Promise.resolve()
      .then(() => fromEnvRefused(pkg))
      .then(() => check(pkg, env))
      .then(
        (result) => new Response(result),
        (error) => new Response(`FAIL ${error?.stack ?? error}`, { status: 500 }),
      );
  },
};
