// Runs the wasm-bindgen tests of tests/wasm.rs in headless Chromium, given the
// URL where wasm-bindgen-test-runner serves them (its NO_HEADLESS mode):
// Playwright opens the page, waits at most TIMEOUT_MS for the runner's
// "test result:" line (loading the page a second time if its tests never
// started), prints the page's report and exits 0 only on "test result: ok". (The runner's own chromedriver drive waits on the page
// load without a bound, so one stuck page held CI until its limit.)
//   node tests/runtimes/wasm-page.mjs URL
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 60_000;
const LOADS = 2;
const [url] = process.argv.slice(2);
const { chromium } = await import(path.join(here, "node_modules", "playwright-core/index.mjs"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let report = "";
try {
  // Now and then this machine's Chromium stalls on the page's first script
  // fetch ("Loading scripts..." for good); a second load of the page then
  // runs. Each load is bounded; a page whose tests started is never reloaded.
  for (let load = 1; load <= LOADS && !/test result:/.test(report); load++) {
    const page = await browser.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    try {
      await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT_MS });
      await page.waitForFunction(() => document.getElementById("output")?.textContent.includes("test result:"), null,
        { timeout: TIMEOUT_MS });
    } catch (error) {
      console.error(`load ${load}: the wasm tests did not finish in Chromium within ${TIMEOUT_MS / 1000} s: ${error.message}`);
    }
    report = (await page.locator("#output").textContent({ timeout: 5_000 }).catch(() => "")) ?? "";
    console.log(report);
    if (/running \d+ test/.test(report)) break;
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(/test result: ok\./.test(report) ? 0 : 1);
