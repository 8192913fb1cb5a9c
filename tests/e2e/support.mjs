// Shared set-up for the end-to-end tests: a static server for the release
// dist/ (with the SPA fallback a static host gives through 404.html), Debian's
// Chromium at phone size, and guards that fail a test on a console error, a
// CSP violation or any request that leaves the origin.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const DIST = new URL("../../dist/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves dist/ at the root, or under `prefix` ("/zhibu") as a project
 * site would: unknown paths under it get index.html, others nothing. */
export async function startServer(prefix = "") {
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!full.startsWith(prefix + "/")) {
      res.writeHead(404);
      res.end();
      return;
    }
    const path = normalize(full.slice(prefix.length));
    let file = join(DIST, path);
    try {
      if (!(await stat(file)).isFile()) file = join(DIST, "index.html");
    } catch {
      file = join(DIST, "index.html");
    }
    try {
      // As a host that serves the build's precompressed files does.
      const accepts = req.headers["accept-encoding"] || "";
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      let body = null;
      for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (body || !accepts.includes(encoding)) continue;
        try {
          body = await readFile(file + suffix);
          headers["content-encoding"] = encoding;
          headers["vary"] = "accept-encoding";
        } catch {
          body = null;
        }
      }
      body ||= await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A server for dist/ and a browser, for the tests of one file: started
 * before them, closed after. Read `env.server` and `env.browser` inside tests. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN", timezoneId: "Asia/Shanghai" };
export const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" };

/** A page with guards; `problems` collects what must not happen. */
export async function openApp(context, origin, path = "/") {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) {
      problems.push(`request left the origin: ${url}`);
    }
  });
  await page.exposeFunction("__cspViolation", (v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(origin + path);
  await page.waitForSelector("main, .first-run");
  return { page, problems };
}

/** Actions a member takes, named as they would say them. */
export class App {
  constructor(page) {
    this.page = page;
  }
  async startFresh() {
    await this.page.getByRole("button", { name: "开始使用", exact: true }).click();
    await this.page.waitForSelector("input[name=branch-name]");
  }
  async loadExample() {
    await this.page.getByRole("button", { name: "载入示例数据看看" }).click();
    await this.page.waitForSelector(".home-header");
  }
  async tab(name) {
    await this.page.locator(".tab-bar").getByText(name, { exact: true }).click();
  }
  async openMine(row) {
    await this.tab("我的");
    await this.page.locator(".menu-row", { hasText: row }).click();
  }
  async addMember(name, { probationary = false } = {}) {
    if (!this.page.url().endsWith("/mine/roster")) await this.openMine("党员名册");
    await this.page.getByRole("link", { name: "＋ 添加党员" }).click();
    await this.page.fill("input[name=name]", name);
    if (probationary) await this.page.getByText("预备党员", { exact: true }).click();
    await this.page.getByRole("button", { name: "保存", exact: true }).click();
    await this.page.waitForSelector(".member-list");
  }
  async rosterNames() {
    return this.page.locator(".member-list .member-name").allTextContents();
  }
  async reload() {
    await this.page.reload();
    await this.page.waitForSelector("main, .first-run");
  }
}

/** The app's stored records, read in the page: { name: data }. */
export async function storedRecords(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open("zhibu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const store = db.transaction("records").objectStore("records");
    const get = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const [keys, values] = await Promise.all([get(store.getAllKeys()), get(store.getAll())]);
    db.close();
    return Object.fromEntries(keys.map((k, i) => [k, JSON.parse(values[i]).data]));
  });
}

/** The stored records of one kind ("meeting/", "assessment/"…) as a list. */
export async function storedOfKind(page, prefix) {
  const all = await storedRecords(page);
  return Object.entries(all).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
}

/** Waits until the page has stored every edit (the journal is empty). */
export async function settled(page) {
  await page.waitForFunction(() =>
    !Object.keys(localStorage).some((k) => k.startsWith("zhibu.journal.")));
}
