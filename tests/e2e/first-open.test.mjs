// The first open: the welcome screen (or, for a member who has been
// welcomed, the splash) at once, the app taking it over, and once opened,
// every screen with no network at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, pageShown, offlineOnceCached } from "./support.mjs";
import { ROUTES } from "./routes.mjs";
import { allowInline } from "../../scripts/inline-hashes.mjs";

const DIST = new URL("../../dist/", import.meta.url).pathname;
const codeFolder = (url) => /\/(wasm-[0-9a-f]+)\//.exec(new URL(url).pathname)?.[1];

/** A copy of dist/ as the next build would be: the same files, its code in
 * another wasm-<hash>/ folder and another service worker version. */
function nextBuild() {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-next-"));
  cpSync(DIST, dir, { recursive: true });
  const old = readdirSync(dir).find((f) => /^wasm-[0-9a-f]+$/.test(f));
  const next = "wasm-0123456789abcdef";
  renameSync(join(dir, old), join(dir, next));
  for (const name of ["index.html", "404.html"]) {
    const html = readFileSync(join(dir, name), "utf8")
      .replaceAll(old, next)
      .replace(/'sha256-[^']+'(?: 'sha256-[^']+')*/, "LOADER_HASH");
    writeFileSync(join(dir, name), allowInline(html).html);
    rmSync(join(dir, name + ".br"));
    rmSync(join(dir, name + ".gz"));
  }
  const sw = readFileSync(join(dir, "sw.js"), "utf8").replaceAll(old, next).replace(/const VERSION = "[^"]+"/, 'const VERSION = "next"');
  writeFileSync(join(dir, "sw.js"), sw);
  for (const stale of ["sw.js.br", "sw.js.gz"]) rmSync(join(dir, stale));
  return { dir, old, next };
}

/** The code folders the document in `page` used, and the one it names. */
async function codeOf(page) {
  const { used, named } = await page.evaluate(() => ({
    used: performance.getEntriesByType("resource").map((e) => e.name),
    named: document.querySelector("script[type=module]").textContent,
  }));
  return { used: [...new Set(used.map(codeFolder).filter(Boolean))], named: /wasm-[0-9a-f]+/.exec(named)[0] };
}

const env = useBrowser();
/** A page whose wasm is held back until `release()`. */
async function heldPage(context) {
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return { page, release };
}

/** What a member sees of the welcome screen: each element's text and box. */
const welcomeSeen = (page, selector) =>
  page.locator(selector).evaluate((main) =>
    [...main.querySelectorAll("*")]
      .filter((el) => el.checkVisibility())
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `${el.tagName} ${el.className} "${el.childElementCount ? "" : el.textContent}" ${box.x},${box.y} ${box.width}x${box.height}`;
      }));

test("a new member's first response paints the welcome screen, and the app takes it over without a visible change", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    window.__shifts = 0;
    window.__lcp = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__lcp.push(e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const { page, release } = await heldPage(context);
  await page.goto(env.server.origin + "/");
  // index.html alone, no code yet: the welcome screen, marked as not ready.
  const painted = page.locator("main.first-run[data-static]");
  await painted.getByRole("heading", { name: "支部工作手册" }).waitFor();
  assert.equal(await painted.getAttribute("aria-busy"), "true");
  assert.equal(await page.locator("#splash").isVisible(), false, "a new member sees no splash");
  const before = await welcomeSeen(page, "main.first-run[data-static]");
  const firstPaint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime);
  release();
  await page.locator("main.first-run:not([data-static])").waitFor();
  assert.equal(await page.locator("main[data-static]").count(), 0, "the page's copy is gone");
  assert.deepEqual(await welcomeSeen(page, "main.first-run"), before, "the same words in the same places");
  await page.waitForTimeout(300);
  const { shifts, lcp } = await page.evaluate(() => ({ shifts: window.__shifts, lcp: window.__lcp }));
  assert.equal(shifts, 0, "nothing moved");
  assert.equal(lcp.at(-1), firstPaint, "the largest paint is the first one");
  await page.getByRole("button", { name: "开始使用" }).click();
  await page.getByRole("button", { name: "跳过，自己逐项设置" }).waitFor();
  await context.close();
});

test("a tap on the welcome screen before the app runs says it is opening, and happens once the app runs", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, release } = await heldPage(context);
  await page.goto(env.server.origin + "/");
  await page.locator("main[data-static]").getByRole("button", { name: "载入示例数据看看" }).click();
  await page.locator("main[data-static] .static-wait").getByText("正在打开…").waitFor();
  release();
  await page.locator(".home-header").waitFor();
  assert.ok(await page.getByTestId("example-banner").isVisible(), "the example data the member asked for");
  await context.close();
});

test("a member who has been welcomed, or who opens a transfer link, sees the splash until the app runs", async () => {
  for (const [who, path, setUp] of [
    ["welcomed", "/", (c) => c.addInitScript(() => localStorage.setItem("zhibu.device", '{"welcomed":true,"id":"d-x"}'))],
    ["link", "/#zb=ZB1x", () => {}],
  ]) {
    const context = await env.browser.newContext(PHONE);
    await setUp(context);
    const { page, release } = await heldPage(context);
    await page.goto(env.server.origin + path);
    await page.locator("#splash").getByText("支部工作手册").waitFor();
    assert.equal(await page.locator("#splash .splash-state").textContent(), "正在打开…", who);
    assert.equal(await page.locator("main[data-static]").isVisible(), false, `${who}: no welcome screen`);
    release();
    await page.waitForSelector("main:not([data-static])");
    assert.equal(await page.locator("#splash").count(), 0, `${who}: the splash is gone once the app runs`);
    await context.close();
  }
});

test("a page whose code cannot download or run says so at once, not after a long wait", async () => {
  const failures = [
    ["the wasm cannot download", (context) => context.route(/zhibu_bg\.wasm$/, (route) => route.abort())],
    ["the script is blocked", (context) => context.route(/zhibu\.js$/, (route) => route.abort())],
    ["the browser has no WebAssembly", (context) => context.addInitScript(() => delete globalThis.WebAssembly)],
  ];
  for (const [what, fail] of failures) {
    const context = await env.browser.newContext(PHONE);
    await fail(context);
    const page = await context.newPage();
    await page.goto(env.server.origin + "/");
    // The help of a page that merely hangs waits 12 s; this must not.
    await page.locator(".splash-failed").waitFor({ state: "visible", timeout: 3000 })
      .catch(() => assert.fail(`${what}: the splash does not say the app could not open`));
    assert.equal(await page.locator(".splash-state").isVisible(), false, `${what}: no longer "正在打开…"`);
    const help = page.locator(".splash-help");
    assert.equal(await help.evaluate((el) => getComputedStyle(el).opacity), "1", `${what}: the help shows`);
    assert.match(await help.textContent(), /刷新/);
    await context.close();
  }
});

test("once opened, every screen opens with no network", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await offlineOnceCached(page);
  for (const route of ROUTES) {
    await page.goto(env.server.origin + route);
    await pageShown(page);
    const text = await page.locator("main").innerText();
    assert.ok(text.trim().length > 0, `${route} shows its page`);
    assert.ok(!text.includes("页面不存在"), `${route} is a route`);
    assert.ok(!/找不到/.test(text), `${route} finds its record: ${text.slice(0, 80)}`);
  }
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("a page of one build never loads another build's code, with or without the service worker", async () => {
  const { dir, old, next } = nextBuild();
  // With the service worker: the open tab keeps its build until every tab
  // of it is closed; the next open is the new build, whole.
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.evaluate(() => navigator.serviceWorker.ready);
  env.server.deploy(dir);
  try {
    for (const route of ["/talks", "/assess", "/mine/templates"]) {
      await page.goto(env.server.origin + route);
      await pageShown(page);
      assert.deepEqual(await codeOf(page), { used: [old], named: old }, `${route}: the open tab keeps its build`);
    }
    // The next build installs in the background, and takes over once no tab
    // of the old one is open: each open runs one build's code, whole.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => (await caches.keys()).includes("zhibu-next"), null, { timeout: 30000 });
    let runs = old;
    for (let attempt = 0; attempt < 10 && runs !== next; attempt += 1) {
      for (const open of context.pages()) await open.close();
      // A blank tab first: no page of the app is open while the browser
      // lets the waiting worker take over.
      const fresh = await context.newPage();
      await fresh.waitForTimeout(250 * (attempt + 1));
      await fresh.goto(env.server.origin + "/talks");
      await pageShown(fresh);
      const code = await codeOf(fresh);
      assert.equal(code.used.length, 1, `one build per page: ${code.used}`);
      assert.equal(code.used[0], code.named);
      runs = code.named;
    }
    assert.equal(runs, next, "a later open runs the new build");
    assert.deepEqual(problems, []);
  } finally {
    env.server.deploy(DIST);
    await context.close();
  }

  // Without a service worker (blocked, or not yet installed): a page whose
  // build is gone says so instead of running the new build's code.
  const bare = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const opened = await openApp(bare, env.server.origin);
  await new App(opened.page).loadExample();
  env.server.deploy(dir);
  try {
    await opened.page.locator(".tab-bar").getByText("评议", { exact: true }).click();
    await opened.page.getByRole("alert").getByText(/这个页面的程序没能下载/).waitFor();
    assert.deepEqual(await codeOf(opened.page), { used: [old], named: old });
    // The notice offers the reload, which opens the page on the new build.
    await opened.page.getByRole("alert").getByRole("button", { name: "刷新页面" }).click();
    await opened.page.locator(".tab-bar").getByText("评议", { exact: true }).waitFor();
    await opened.page.locator(".tab-bar").getByText("评议", { exact: true }).click();
    await pageShown(opened.page);
    assert.equal(await opened.page.getByRole("alert").count(), 0, "the new build opens the page");
  } finally {
    env.server.deploy(DIST);
    await bare.close();
  }
});

test("a new member's welcome screen fetches none of the store's code, and a member whose settings were cleared still opens their records", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const storeCode = () => page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /split_(open_records|screens)/.test(n)));
  await page.getByRole("button", { name: "开始使用", exact: true }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await storeCode(), [], "the welcome screen needs nothing stored and none of the other screens");
  const app = new App(page);
  await app.loadExample();
  assert.equal((await storeCode()).length, 2, "the store and the screens open when the member begins");
  // A member with data starts with five code files, fetched at once: the
  // first screen's, the store's, the screens', the code the screens share
  // with the join screen and the code the store shares with it, not the
  // splitter's hundreds of chunks (scripts/merge-chunks.mjs).
  const fresh = await context.newPage();
  await fresh.goto(env.server.origin + "/");
  await fresh.locator(".home-header").waitFor();
  const code = await fresh.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.split("/").pop()).filter((n) => n.endsWith(".wasm")));
  assert.deepEqual(code.map((n) => n.replace(/_\d+\.wasm$/, ".wasm")).sort(), ["chunk_common.wasm", "chunk_reading.wasm", "split_open_records.wasm", "split_screens.wasm", "zhibu_bg.wasm"]);
  await fresh.close();
  // Settings gone (the welcome mark with them), records still in IndexedDB:
  // the member sees their records, not a welcome over an empty page.
  await page.evaluate(() => localStorage.clear());
  await app.reload();
  await page.locator(".home-header").waitFor();
  assert.equal(await page.locator(".first-run").count(), 0);
  assert.ok(await page.getByTestId("example-banner").isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test("a member with records: the screens' code does not wait for the records", async () => {
  // No service worker, so the held file below is asked of the network.
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  await context.addInitScript(() => {
    const fetchOf = window.fetch;
    window.fetch = function (resource, ...rest) {
      if (/split_screens/.test(String(resource?.url ?? resource))) window.__screensAskedAt ??= performance.now();
      return fetchOf.call(this, resource, ...rest);
    };
  });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  // The store's code held back: no record can be read until it comes.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route(/split_open_records_[^/]*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => window.__screensAskedAt !== undefined, null, { timeout: 10000 });
  release();
  await page.locator(".home-header").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
