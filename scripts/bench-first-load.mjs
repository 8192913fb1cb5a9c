// The critical path of a first open: every file the page fetches until the
// first screen works (a new member's welcome screen, then the home screen
// of a member with data), with the service worker held back so its
// background precaching is not counted. Prints each file raw, gzipped and as
// the build's brotli file, and the totals against the 250 KB budget.
// Run by scripts/bench; `node scripts/bench-first-load.mjs` after a build.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServer, launch, PHONE } from "../tests/e2e/support.mjs";

const BUDGET = 256000;
const dist = new URL("../dist/", import.meta.url).pathname;
const server = await startServer();
const browser = await launch();
const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
const page = await context.newPage();
const fetched = new Set();
page.on("request", (request) => {
  const url = new URL(request.url());
  if (url.origin === new URL(server.origin).origin) fetched.add(url.pathname === "/" ? "/index.html" : url.pathname);
});
await page.goto(server.origin + "/");
await page.getByRole("button", { name: "开始使用" }).waitFor();
// Starting with the example data goes to the home screen, with whatever
// else that needs.
await page.getByRole("button", { name: /示例/ }).first().click();
await page.locator(".home-header").waitFor();
await page.waitForTimeout(500);
await browser.close();
await server.close();

let raw = 0;
let gz = 0;
let br = 0;
console.log(`${"first load: file".padEnd(64)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli".padStart(9)}`);
for (const path of [...fetched].sort()) {
  const file = join(dist, path);
  if (!existsSync(file) || !/\.(html|js|wasm|css)$/.test(file)) continue;
  const body = readFileSync(file);
  const sizes = [body.length, gzipSync(body, { level: 9 }).length, existsSync(file + ".br") ? readFileSync(file + ".br").length : 0];
  raw += sizes[0];
  gz += sizes[1];
  br += sizes[2];
  console.log(`${path.slice(1).padEnd(64)} ${sizes.map((n) => String(n).padStart(9)).join(" ")}`);
}
console.log(`${"total (budget: 250 KB = 256000 gzipped)".padEnd(64)} ${[raw, gz, br].map((n) => String(n).padStart(9)).join(" ")}`);
if (gz > BUDGET) console.log(`over budget by ${gz - BUDGET} B gzipped`);
