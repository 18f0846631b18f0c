// A browser page: the settings come in the query string, the result goes to
// the title (which matrix.mjs waits for). A page has no environment: fromEnv
// must refuse clearly.
import * as pkg from "hms-room-codes";
import { check, fromEnvRefused } from "./check.mjs";

const settings = Object.fromEntries(new URLSearchParams(location.search));
Promise.resolve()
  .then(() => fromEnvRefused(pkg))
  .then(() => check(pkg, { ...settings, dangerouslyAllowBrowser: true }))
  .then(
    (result) => (document.title = result),
    (error) => (document.title = `FAIL ${error?.stack ?? error}`),
  );
