// The critical path of a first open: every file the page fetches until the
// first screen works (a new member's welcome screen; the home screen of a
// member with data), with the service worker held back so its background
// precaching is not counted. Prints each file raw, gzipped and as
// the build's brotli file, and the totals against their budgets
// (scripts/budgets.mjs).
// Run by scripts/bench; `node scripts/bench-first-load.mjs` after a build.
// With --check (scripts/test) it exits 1 when a path is over its budget,
// saying which and by how much.
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startServer, launch, App, PHONE } from "../tests/e2e/support.mjs";
import { BUDGETS, overBudget } from "./budgets.mjs";

const check = process.argv.includes("--check");
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

// Sizes of one file: raw, gzip -9, the build's brotli file.
function sizes(path) {
  const file = join(dist, path);
  if (!existsSync(file) || !/\.(html|js|wasm|css)$/.test(file)) return null;
  const body = readFileSync(file);
  return [body.length, gzipSync(body, { level: 9 }).length, existsSync(file + ".br") ? readFileSync(file + ".br").length : 0];
}
function total(paths) {
  const sum = [0, 0, 0, 0];
  for (const path of paths) {
    const s = sizes(path);
    if (!s) continue;
    s.forEach((n, i) => (sum[i] += n));
    sum[3] += 1;
  }
  return sum;
}
const row = (label, numbers) => console.log(`${label.padEnd(64)} ${numbers.map((n) => String(n).padStart(9)).join(" ")}`);
console.log(`${"first load: file (W welcome, H home)".padEnd(64)} ${"raw".padStart(9)} ${"gzip -9".padStart(9)} ${"brotli".padStart(9)}`);
for (const path of [...fetched].sort()) {
  const s = sizes(path);
  if (!s) continue;
  const mark = (welcome.has(path) ? "W" : " ") + (home.has(path) ? "H" : " ");
  row(`${mark} ${path.slice(1)}`, s);
}
// A first open is a new member's welcome screen; a member with data has
// opened the app before and has every file offline, unless the browser
// dropped its cache: that open needs the home screen's files.
const [wRaw, wGz, wBr, wFiles] = total(welcome);
const [hRaw, hGz, hBr, hFiles] = total(home);
row(`first open, welcome screen (${wFiles} files; budget ${BUDGETS.welcome.gzip}, target ≤ ${BUDGETS.welcome.target.gzip} gzipped)`, [wRaw, wGz, wBr]);
row(`home screen with data, nothing cached (${hFiles} files; budget ${BUDGETS.home.gzip} gzipped)`, [hRaw, hGz, hBr]);
const over = [...overBudget("welcome", { gzip: wGz }), ...overBudget("home", { gzip: hGz })];
for (const line of over) console.log(line);
if (check && over.length > 0) process.exit(1);
