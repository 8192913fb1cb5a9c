// Runs the end-to-end tests one file after another (they share 2 cores with
// Chromium) with node's own test runner.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const dir = new URL(".", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".test.mjs")).map((f) => dir + f);
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...chosen], { stdio: "inherit" });
process.exit(result.status ?? 1);
