// A browser page: the settings come in the query string, the result goes to
// the title (which matrix.mjs waits for).
import * as pkg from "hms-room-codes";
import { check } from "./check.mjs";

const settings = Object.fromEntries(new URLSearchParams(location.search));
check(pkg, { ...settings, dangerouslyAllowBrowser: true }).then(
  (result) => (document.title = result),
  (error) => (document.title = `FAIL ${error?.stack ?? error}`),
);
