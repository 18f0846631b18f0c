// Fresh installs of each package into its own folder, as a user gets them:
// ours from the packed tarball, the official SDK from the registry at the
// version bench/js pins. Returns the folders.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const npmDir = path.resolve(here, "../../target/npm");

/** The official SDK's version, as bench/js/package.json pins it. */
export const officialVersion = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8")).devDependencies[
  "@100mslive/server-sdk"
];

/** Installs `spec` into a new temporary folder; returns it. */
function install(spec) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-bench-"));
  fs.writeFileSync(path.join(dir, "package.json"), '{"private": true}');
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", spec], { cwd: dir });
  return dir;
}

/** `{ ours, official }`: folders with each package installed. */
export function installBoth() {
  const tarball = fs.readdirSync(npmDir).find((f) => f.endsWith(".tgz"));
  return { ours: install(path.join(npmDir, tarball)), official: install(`@100mslive/server-sdk@${officialVersion}`) };
}
