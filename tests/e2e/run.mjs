// Runs the end-to-end tests one file after another (they share 2 cores with
// Chromium) with node's own test runner.
//
// The tests write files (downloads, printouts, backups) into their own
// temporary folders: all of them go under one folder for the run, removed
// at its end, so repeated runs do not fill the disk.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = new URL(".", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".test.mjs")).map((f) => dir + f);
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const scratch = mkdtempSync(join(tmpdir(), "zhibu-e2e-run-"));
const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...chosen], {
  stdio: "inherit",
  env: { ...process.env, TMPDIR: scratch },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
