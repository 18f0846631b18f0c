// Runs the wasm-bindgen tests of tests/wasm.rs in headless Chromium, given the
// URL where wasm-bindgen-test-runner serves them (its NO_HEADLESS mode):
// Playwright opens the page, waits at most TIMEOUT_MS for the runner's
// "test result:" line, prints the page's report and exits 0 only on
// "test result: ok". (The runner's own chromedriver drive waits on the page
// load without a bound, so one stuck page held CI until its limit.)
//   node tests/runtimes/wasm-page.mjs URL
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 120_000;
const [url] = process.argv.slice(2);
const { chromium } = await import(path.join(here, "node_modules", "playwright-core/index.mjs"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let report = "";
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  const output = page.locator("#output");
  try {
    await page.waitForFunction(() => document.getElementById("output")?.textContent.includes("test result:"), null,
      { timeout: TIMEOUT_MS });
  } finally {
    report = (await output.textContent({ timeout: 5_000 }).catch(() => "")) ?? "";
    console.log(report);
  }
} catch (error) {
  console.error(`the wasm tests did not finish in Chromium within ${TIMEOUT_MS / 1000} s: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(/test result: ok\./.test(report) ? 0 : 1);
