// Browser storage that is full, blocked, corrupted or shared by two tabs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openApp, App, PHONE } from "./support.mjs";

const env = useBrowser();

test("a full quota shows a sticky warning, keeps the edit and saves it with the next one", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full && key.startsWith("zhibu.rec.")) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.startFresh();
  await page.fill("input[name=branch-name]", "额度测试支部");
  await page.evaluate(() => (window.__full = true));
  await app.addMember("满额时添加");
  const banner = page.getByRole("alert").filter({ hasText: "未保存：浏览器存储空间已满" });
  await banner.waitFor();
  assert.equal(await banner.getByRole("button", { name: "导出备份" }).count(), 1);
  assert.deepEqual(await app.rosterNames(), ["满额时添加"], "the edit stays on screen");

  await page.evaluate(() => (window.__full = false));
  await app.addMember("空间恢复后添加");
  await banner.waitFor({ state: "detached" });
  await app.reload();
  assert.deepEqual((await app.rosterNames()).sort(), ["满额时添加", "空间恢复后添加"].sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test("blocked storage runs in memory and says so on every screen", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.startFresh();
  await page.getByRole("alert").filter({ hasText: "数据没有保存" }).waitFor();
  await app.addMember("只在内存");
  assert.deepEqual(await app.rosterNames(), ["只在内存"]);
  await app.tab("首页");
  await page.getByRole("alert").filter({ hasText: "关闭页面后本次填写的内容会丢失" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("garbage in a stored record is kept aside, downloadable, and the previous generation loads", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await page.goto(env.server.origin + "/mine/branch");
  await page.fill("input[name=branch-name]", "改名后的支部");
  // Corrupt the newest copy of the branch record, as a torn write would.
  const garbage = '{"schema_version":1,"gen":99,"checksum":"x","data":{"name":"坏';
  await page.evaluate((garbage) => {
    const slots = ["zhibu.rec.branch#0", "zhibu.rec.branch#1"];
    const gen = (k) => JSON.parse(localStorage.getItem(k) || '{"gen":-1}').gen;
    const newest = slots.reduce((a, b) => (gen(a) >= gen(b) ? a : b));
    localStorage.setItem(newest, garbage);
  }, garbage);
  await app.reload();
  await page.getByText("有 1 份本机数据无法读取，没有被覆盖。请下载保存。").waitFor();
  await app.tab("首页");
  // The previous generation of the branch record.
  await page.getByRole("heading", { name: /改名后的支|示例单位第一党支部/ }).waitFor();
  await page.getByRole("link", { name: "查看并下载" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载原始数据" }).click();
  const saved = await (await download).path();
  assert.equal(await readFile(saved, "utf8"), garbage);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "丢弃" }).click();
  await page.getByText("没有需要处理的数据。").waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes("favicon")), []);
  await context.close();
});

test("an idle second tab follows what the first tab saves", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page: first, problems } = await openApp(context, env.server.origin);
  await new App(first).loadExample();
  const { page: second } = await openApp(context, env.server.origin);
  await second.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  await first.goto(env.server.origin + "/mine/branch");
  await first.fill("input[name=branch-name]", "第一个标签页改的名字");
  await second.getByRole("heading", { name: "第一个标签页改的名字" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("with no network, a reload still opens the app and the data", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Wait until the service worker controls the page and has its files.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  await page.goto(env.server.origin + "/meetings");
  await page.locator(".meeting-row").first().waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("a text field in an idle tab shows what another tab saved", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page: first, problems } = await openApp(context, env.server.origin);
  await new App(first).loadExample();
  await first.goto(env.server.origin + "/meetings/mt-ex-1?s=votes");
  const { page: second } = await openApp(context, env.server.origin, "/meetings/mt-ex-1?s=votes");
  await second.fill("input[name=motion]", "另一个标签页改过的决议");
  await second.locator("input[name=motion]").blur();
  await first.waitForFunction(
    () => document.querySelector("input[name=motion]")?.value === "另一个标签页改过的决议",
  );
  assert.deepEqual(problems, []);
  await context.close();
});
