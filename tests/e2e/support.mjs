// Shared set-up for the end-to-end tests: the static server for the release
// dist/ (scripts/static-server.mjs), Debian's
// Chromium at phone size, and guards that fail a test on a console error, a
// CSP violation or any request that leaves the origin.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeBackup, tenYears } from "./backup-maker.mjs";

export { startServer };

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
/** WeChat's in-app browser on an Android phone, and WeChat on a PC: the app
 * offers a picture and no download there (`browser/in_app.rs`). */
export const WECHAT_PHONE = {
  ...PHONE,
  userAgent: "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 XWEB/1220 MMWEBSDK/20240301 MicroMessenger/8.0.47",
};
export const WECHAT_DESKTOP = {
  ...DESKTOP,
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 MicroMessenger/7.0.20 WindowsWechat",
};

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
  await appShown(page);
  return { page, problems };
}

/** Actions a member takes, named as they would say them. */
export class App {
  constructor(page) {
    this.page = page;
  }
  async startFresh() {
    await this.page.getByRole("button", { name: "开始使用", exact: true }).click();
    await this.page.getByRole("button", { name: "跳过，自己逐项设置" }).click();
    await this.page.waitForSelector("input[name=branch-name]");
  }
  /** Starts fresh and imports ten years of a 30-member branch
   * (backup-maker.mjs `tenYears`) through 备份与交换, as a member would. */
  async startWithTenYears(origin) {
    await this.startFresh();
    await this.importBackup(origin, makeBackup(tenYears()));
  }
  /** Imports `backup` (a backup file's text) through 备份与交换, as a
   * member would: chosen as a file, the question accepted, merged. */
  async importBackup(origin, backup) {
    const dir = await mkdtemp(join(tmpdir(), "zhibu-backup-"));
    const file = join(dir, "backup.json");
    await writeFile(file, backup);
    await this.page.goto(origin + "/mine/backup");
    await this.page.setInputFiles("input[name=backup-file]", file);
    this.page.once("dialog", (d) => d.accept());
    await this.page.getByRole("button", { name: "导入", exact: true }).click();
    await this.page.getByText(/已导入并合并 \d+ 条记录/).waitFor({ timeout: 120000 });
    await rm(dir, { recursive: true });
  }
  async loadExample() {
    await this.page.getByRole("button", { name: "载入示例数据看看" }).click();
    await this.page.waitForSelector(".home-header");
    // The home screen shows the example at once; it is stored (and the
    // welcome marked as seen) a moment later, before a reload may follow.
    await this.page.waitForFunction(() => /"welcomed":true/.test(localStorage.getItem("zhibu.device") || ""));
  }
  async tab(name) {
    await this.page.locator(".tab-bar").getByText(name, { exact: true }).click();
    await pageShown(this.page);
  }
  async openMine(row) {
    await this.tab("我的");
    await this.page.locator(".menu-row", { hasText: row }).click();
    await pageShown(this.page);
  }
  async addMember(name, { probationary = false } = {}) {
    if (!this.page.url().endsWith("/mine/roster")) await this.openMine("党员名册");
    await this.page.getByRole("link", { name: "＋ 添加党员" }).click();
    await this.page.fill("input[name=name]", name);
    if (probationary) await this.page.getByText("预备党员", { exact: true }).click();
    await this.page.getByRole("button", { name: "保存", exact: true }).click();
    await this.page.waitForSelector(".member-list");
  }
  /** Plans a meeting of `kind` for today, opens it and marks everyone present. */
  async holdMeeting(kind, theme) {
    const page = this.page;
    await this.tab("会议");
    await page.getByRole("link", { name: "＋ 安排会议" }).click();
    await page.selectOption("select[name=kind]", { label: kind });
    await page.fill("input[name=theme]", theme);
    await page.getByRole("button", { name: "创建并打开" }).click();
    await page.getByRole("heading", { name: theme }).waitFor();
    await page.getByRole("tab", { name: "签到" }).click();
    await page.getByRole("button", { name: "全部出席", exact: true }).click();
    await page.getByText(/会议有效/).waitFor();
  }
  async rosterNames() {
    return this.page.locator(".member-list .member-name").allTextContents();
  }
  async reload() {
    await this.page.reload();
    await appShown(this.page);
    if (await this.page.locator("main.page").count()) await pageShown(this.page);
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

/** Waits until the app runs: its own screen is on the page (not the
 * welcome screen index.html paints before the code arrives, which is
 * marked `data-static`). */
export async function appShown(page) {
  await page.waitForSelector("main:not([data-static])");
}

/** Waits until the page a tap opened is on screen: in the split build a
 * page's code may still be arriving (main says it is busy meanwhile). */
export async function pageShown(page) {
  await page.locator('main.page[aria-busy="false"]').waitFor();
}

/** Waits until the page has stored every edit (the journal is empty). */
export async function settled(page) {
  // The journal and the commit follow the frame that shows an edit: let
  // that frame pass, then wait for the commit to clear the journal.
  await page.evaluate(() => new Promise((ok) =>
    requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(ok, 0)), 0))));
  await page.waitForFunction(() =>
    !Object.keys(localStorage).some((k) => k.startsWith("zhibu.journal.")));
}

/** Cuts the network once the service worker controls the page and holds
 * the build's files: a phone that opened the app once, then lost signal. */
export async function offlineOnceCached(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
}

/** The secretary's phone with the example branch, its 使用人 王建国 (书记),
 * and the transfer text of a package it sends. */
export async function secretarysPackage(context, origin, password = "", scope = "支部资料包") {
  const secretary = await openApp(context, origin);
  await new App(secretary.page).loadExample();
  await choosePhoneOwner(secretary.page, origin, "王建国");
  await secretary.page.goto(origin + "/mine/backup");
  const send = secretary.page.getByTestId("send-panel");
  await send.getByText(scope, { exact: true }).click();
  if (password) await send.locator("input[name=export-password]").fill(password);
  await send.getByRole("button", { name: /生成传输文字/ }).click();
  const text = await send.locator("textarea[name=transfer-text]").inputValue();
  return { secretary, text, token: text.slice(text.indexOf("ZB1")).split(/\s/)[0] };
}

/** A phone that never opened the app taps the package's link, joins, and
 * says it is `name`'s. */
export async function joinByLink(context, origin, token, name) {
  const member = await openApp(context, origin, `/#zb=${token}`);
  await member.page.getByRole("button", { name: "加入这个支部" }).click();
  await member.page.getByTestId("who-am-i").getByRole("button", { name, exact: true }).click();
  return member;
}

/** 我的 › 这台手机: the phone's 使用人 becomes `name`. */
export async function choosePhoneOwner(page, origin, name) {
  await page.goto(origin + "/mine");
  await pageShown(page);
  const card = page.getByTestId("this-phone");
  // With nobody chosen the card is one line until tapped.
  if (await card.evaluate((c) => c.tagName === "DETAILS" && !c.open)) await card.locator("summary").click();
  await card.locator("select[name=phone-owner]").selectOption({ label: name });
  await settled(page);
}

/** What on the page would change a record: the visible, enabled buttons,
 * fields and links to a new record in the page's main part (paging through
 * a long list changes nothing). */
export async function editControls(page) {
  await pageShown(page);
  return page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("button, input, select, textarea, a[href$='/new']")]
      .filter((e) => !e.matches(":disabled") && e.checkVisibility() && !e.closest("nav.page-switch"))
      .map((e) => (e.textContent.trim() || e.name || e.type || e.tagName).slice(0, 20)));
}
