// The link path: a member taps the secretary's 支部资料包 link in a chat on a
// phone that never opened the app (nothing cached, no service worker yet),
// on Lighthouse's slow-4G figures (150 ms round trip, 1.6 Mbps down, 750
// kbps up, applied per request by Chromium's network emulation) and 4×
// CPU slowdown. Measures the time from the tap until the package's review
// is on screen, and the bytes on the wire until then (the page's own
// requests; the service worker, which starts its precaching after the
// first screen, is held back).
//   node scripts/bench-link.mjs [--check] [--runs N]
// With --check (scripts/test) it exits 1 when the median run is over the
// budget (scripts/budgets.mjs), saying by how much.
//
// The phone has never opened the app: the link opens the join page
// (ui/join/), which says what arrived (issue #22).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer, launch, openApp, App, PHONE } from "../tests/e2e/support.mjs";
import { BUDGETS, overBudget } from "./budgets.mjs";

const check = process.argv.includes("--check");
const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
// What says the package's review is on screen.
const dist = new URL("../dist/", import.meta.url).pathname;
const REVIEW = '[data-testid="arrival"], [data-testid="merge-review"]';
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launch();

// The secretary's link, made on a phone with the example branch.
const secretary = await browser.newContext(PHONE);
const { page: made } = await openApp(secretary, server.origin);
await new App(made).loadExample();
await made.goto(server.origin + "/mine/backup");
const send = made.getByTestId("send-panel");
await send.getByText("支部资料包", { exact: true }).click();
await send.getByRole("button", { name: /生成传输文字/ }).click();
const text = await send.locator("textarea[name=transfer-text]").inputValue();
const token = text.slice(text.indexOf("ZB1")).trim();
await secretary.close();
const link = `${server.origin}/#zb=${token}`;

async function openLink() {
  // No service worker: its precaching runs outside the page's network
  // emulation, so it would neither count nor compete here.
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  await context.addInitScript((review) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(review)) {
        window.__review = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, REVIEW);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const files = new Map();
  const urls = new Map();
  let start;
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, e.request.url);
    start ??= e.timestamp;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const url = urls.get(e.requestId);
    if (!url || !url.startsWith(server.origin)) return;
    const path = new URL(url).pathname;
    files.set(path === "/" ? "/index.html" : path, { bytes: e.encodedDataLength, ms: (e.timestamp - start) * 1000 });
  });
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(link);
  await page.waitForFunction(() => window.__review !== undefined, null, { timeout: 60000 }).catch(() => {
    throw new Error(`bench-link: the package's review never showed${problems.length ? ` (${problems.join("; ")})` : ""}`);
  });
  // Bytes until the review showed: the responses finished by then.
  const done = new Map(files);
  const ms = await page.evaluate(() => window.__review);
  await context.close();
  return { ms, files: done };
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await openLink());
await browser.close();
await server.close();

// The files of the median run.
const ordered = runs.slice().sort((a, b) => a.ms - b.ms);
const middle = ordered[Math.floor(ordered.length / 2)];
const pathFiles = [...middle.files];
const wire = pathFiles.reduce((sum, [, f]) => sum + f.bytes, 0);
// The budget is in gzip -9 bytes, as the first load's (a host that serves
// the build's .br files sends less: the wire figure above).
const gzipOf = (path) => {
  const file = join(dist, path);
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
};
const bytes = pathFiles.reduce((sum, [path]) => sum + gzipOf(path), 0);
const ms = Math.round(median(runs.map((r) => r.ms)));
console.log(`link path (支部资料包 link on a fresh phone, slow 4G, 4× CPU), median of ${RUNS}:`);
for (const [path, f] of pathFiles.sort((a, b) => a[1].ms - b[1].ms)) {
  console.log(`  ${path.slice(1).padEnd(64)} ${String(gzipOf(path)).padStart(8)} B gzip, ${String(f.bytes).padStart(8)} B on the wire, in at ${String(Math.round(f.ms)).padStart(5)} ms`);
}
console.log(`  link → package review ${ms} ms (budget ${BUDGETS.link.ms} ms, target ≤ ${BUDGETS.link.target.ms} ms; runs ${runs.map((r) => Math.round(r.ms)).join(", ")} ms), ` +
  `${bytes.toLocaleString("en")} B gzipped (budget ${BUDGETS.link.gzip.toLocaleString("en")} B, target ≤ ${BUDGETS.link.target.gzip.toLocaleString("en")} B; ${wire.toLocaleString("en")} B on the wire, brotli), token ${token.length} characters`);
const over = overBudget("link", { ms, gzip: bytes });
for (const line of over) console.log(line);
if (check && over.length > 0) process.exit(1);
