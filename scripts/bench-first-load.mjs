// The critical path of a first open: every file the page fetches until the
// first screen works (a new member's welcome screen; the home screen of a
// member with data), with the service worker held back so its background
// precaching is not counted. Prints each file raw, gzipped and as
// the build's brotli file, and the totals against the 250 KB budget.
// Run by scripts/bench; `node scripts/bench-first-load.mjs` after a build.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServer, launch, App, PHONE } from "../tests/e2e/support.mjs";

const BUDGET = 256000;
const dist = new URL("../dist/", import.meta.url).pathname;
const server = await startServer();
const browser = await launch();
// Files a page fetches from the origin until `ready` resolves.
async function fetchedUntil(context, url, ready) {
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (request) => {
    const at = new URL(request.url());
    if (at.origin === new URL(server.origin).origin) fetched.add(at.pathname === "/" ? "/index.html" : at.pathname);
  });
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(500);
  await page.close();
  return fetched;
}

const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
// A new member: the welcome screen.
const welcome = await fetchedUntil(context, server.origin + "/", (page) =>
  page.getByRole("button", { name: "开始使用" }).waitFor());
// A member with a branch's data (the example) opening the home screen.
const setup = await context.newPage();
await setup.goto(server.origin + "/");
await new App(setup).loadExample();
await setup.close();
const home = await fetchedUntil(context, server.origin + "/", (page) => page.locator(".home-header").waitFor());
await browser.close();
await server.close();
const fetched = new Set([...welcome, ...home]);
if (welcome.size !== home.size) console.log(`welcome screen: ${welcome.size} files, home screen: ${home.size} files (both counted)`);

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
