// A Cloudflare Worker (workerd): answers each request with the check's result.
import * as pkg from "hms-room-codes";
import { check } from "./check.mjs";

export default {
  async fetch(_request, env) {
    return check(pkg, env).then(
      (result) => new Response(result),
      (error) => new Response(`FAIL ${error?.stack ?? error}`, { status: 500 }),
    );
  },
};
