// Browser storage that is full, blocked, corrupted, cleared under the page
// or shared by two tabs: nothing the member entered is lost or hidden.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, storedRecords, storedOfKind, settled, offlineOnceCached } from "./support.mjs";
import { makeBackup, tenYears } from "./backup-maker.mjs";

const env = useBrowser();

/** Limits the origin's storage quota (as a nearly full phone does). */
async function limitQuota(page, origin, bytes) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: bytes });
  return cdp;
}

/** A phone that loaded the example and stored all of it. */
async function openStoredExample(context) {
  const opened = await openApp(context, env.server.origin);
  await new App(opened.page).loadExample();
  await settled(opened.page);
  return opened;
}

/** Exports a backup on 备份与交换 and checks that it holds the example's
 * 25 members and every one of the `meetings` meetings that were stored. */
async function assertExportHoldsExample(page, meetings) {
  await page.goto(env.server.origin + "/mine/backup");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出备份" }).first().click();
  const exported = JSON.parse(await readFile(await (await download).path(), "utf8"));
  assert.equal(exported.data.members.length, 25);
  assert.ok(meetings > 40, "a year of the example's meetings");
  assert.equal(exported.data.meetings.length, meetings, "every stored meeting");
}

test("a full store shows a sticky warning, keeps the edit and saves it with the next one", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  // Full before the first write: Chromium lets writes through for about
  // 30 s after a space check it passed (it caches the space left), and the
  // store's start already writes (the index of filed years).
  const cdp = await limitQuota(page, env.server.origin, 1);
  await app.startFresh();
  await page.fill("input[name=branch-name]", "额度测试支部");
  await app.addMember("满额时添加");
  const banner = page.getByRole("alert").filter({ hasText: "未保存：浏览器存储空间已满" });
  await banner.waitFor();
  assert.equal(await banner.getByRole("button", { name: "导出备份" }).count(), 1);
  assert.deepEqual(await app.rosterNames(), ["满额时添加"], "the edit stays on screen");

  await cdp.send("Storage.overrideQuotaForOrigin", { origin: env.server.origin });
  await app.addMember("空间恢复后添加");
  await banner.waitFor({ state: "detached" });
  await settled(page);
  await app.reload();
  assert.deepEqual((await app.rosterNames()).sort(), ["满额时添加", "空间恢复后添加"].sort());
  assert.deepEqual(problems.filter((p) => !p.includes("QuotaExceeded")), []);
  await context.close();
});

test("blocked storage runs in memory and says so on every screen", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    for (const name of ["localStorage", "indexedDB"]) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    }
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

test("without IndexedDB the records stay in localStorage, and the app says so", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.startFresh();
  await page.getByText("数据暂存在本地存储中").first().waitFor();
  await page.fill("input[name=branch-name]", "本地存储支部");
  await app.addMember("本地党员");
  await app.reload();
  assert.deepEqual(await app.rosterNames(), ["本地党员"]);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("zhibu.rec."))));
  assert.deepEqual(problems, []);
  await context.close();
});

test("garbage in a stored record is kept aside, downloadable, and the rest loads", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  const garbage = '{"v":1,"rev":99,"sum":"x","data":{"name":"坏';
  await page.evaluate(async (garbage) => {
    const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => {
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").put(garbage, "meeting/mt-ex-2");
      tx.oncomplete = ok;
    });
    db.close();
  }, garbage);
  await app.reload();
  await page.getByText("有 1 份本机数据无法读取，没有被覆盖。请下载保存。").waitFor();
  await app.tab("首页");
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  await page.getByRole("link", { name: "查看并下载" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载原始数据" }).click();
  const saved = await (await download).path();
  assert.equal(await readFile(saved, "utf8"), garbage);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "丢弃" }).click();
  await page.getByText("没有需要处理的数据。").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

/** Replaces what is stored under `key` with `value` (any JS value). */
async function storeRaw(page, key, value) {
  await page.evaluate(async ([key, value]) => {
    const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => {
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").put(value, key);
      tx.oncomplete = ok;
    });
    db.close();
  }, [key, value]);
}

for (const [what, spoil, comesBack] of [
  ["one flipped byte", (raw) => raw.replace("王建国", "王建囯"), true],
  ["a value that is not text", () => ({ members: 25 }), false],
]) {
  test(`a roster record with ${what} is kept aside with a notice, and the rest of the branch loads`, async () => {
    const context = await env.browser.newContext(PHONE);
    const { page, problems } = await openApp(context, env.server.origin);
    const app = new App(page);
    await app.loadExample();
    const raw = await page.evaluate(async () => {
      const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
      const value = await new Promise((ok) => {
        const get = db.transaction("records").objectStore("records").get("members");
        get.onsuccess = () => ok(get.result);
      });
      db.close();
      return value;
    });
    assert.equal(typeof raw, "string");
    await storeRaw(page, "members", spoil(raw));
    await app.reload();
    await page.getByText(/有 1 份本机数据无法读取，没有被覆盖/).waitFor();
    await app.tab("首页");
    await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
    await page.goto(env.server.origin + "/meetings");
    await page.locator(".meeting-list li").first().waitFor();
    // The recovery page brings back what can still be read.
    await page.goto(env.server.origin + "/mine/recovery");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "导回这份数据" }).click();
    if (comesBack) {
      await page.getByText("已导回党员名册").waitFor();
      await page.goto(env.server.origin + "/mine/roster");
      await page.getByText("王建囯").first().waitFor();
    } else {
      await page.getByText(/读不出内容/).waitFor();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

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

test("two tabs tapping attendance at the same moment keep every tap, 24 rounds", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page: first, problems } = await openApp(context, env.server.origin);
  await new App(first).loadExample();
  await first.goto(env.server.origin + "/meetings/mt-ex-3?s=attendance");
  const { page: second } = await openApp(context, env.server.origin, "/meetings/mt-ex-3?s=attendance");
  const rows = (page) => page.locator(".attendance-row");
  await rows(first).first().waitFor();
  await rows(second).first().waitFor();
  assert.equal(await rows(first).count(), 24);
  for (let round = 0; round < 10; round++) {
    // Each tab marks a different member in the same instant.
    await Promise.all([
      rows(first).nth(2 * round).getByRole("button", { name: "请假" }).click(),
      rows(second).nth(2 * round + 1).getByRole("button", { name: "缺席" }).click(),
    ]);
  }
  for (let row = 20; row < 24; row++) {
    // Both tabs mark the same member differently: one choice wins, and the
    // member is never left unmarked.
    await Promise.all([
      rows(first).nth(row).getByRole("button", { name: "请假" }).click(),
      rows(second).nth(row).getByRole("button", { name: "缺席" }).click(),
    ]);
  }
  await settled(first);
  await settled(second);
  const meeting = (await storedRecords(first))["meeting/mt-ex-3"];
  const statuses = meeting.attendance.map((a) => a.status);
  assert.equal(meeting.attendance.length, 24, "every member marked, none twice");
  assert.ok(statuses.every((s) => s === "leave" || s === "absent"));
  const names = await rows(first).locator(".member-name").allTextContents();
  const firstTabs = meeting.attendance.filter((a) => a.status === "leave").length;
  assert.ok(firstTabs >= 10 && firstTabs <= 14, `${firstTabs} 请假`);
  // Both tabs show what is stored, without a reload.
  for (const page of [first, second]) {
    await page.waitForFunction(() => document.querySelectorAll(".presence[aria-pressed=true]").length === 24);
  }
  assert.equal(names.length, 24);
  assert.deepEqual(problems, []);
  await context.close();
});

test("storage cleared by another page while the app is open is written back", async () => {
  // No service worker: it would serve the app for the other page too.
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const { page, problems } = await openStoredExample(context);
  const other = await context.newPage();
  await other.goto(env.server.origin + "/icon.svg");
  await other.evaluate(() => new Promise((ok) => {
    localStorage.clear();
    const r = indexedDB.deleteDatabase("zhibu");
    r.onsuccess = ok;
    r.onerror = ok;
  }));
  await page.getByText(/本机存储刚被清除.*已重新写回/).waitFor();
  await page.waitForFunction(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
    const n = await new Promise((ok) => {
      const r = db.transaction("records").objectStore("records").count();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return n > 10;
  });
  const stored = await storedRecords(page);
  assert.equal(stored.members.length, 25);
  await page.reload();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("site data cleared by the browser while the app is open is written back", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openStoredExample(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", { origin: env.server.origin, storageTypes: "indexeddb,local_storage" });
  await page.getByText(/本机存储刚被清除.*已重新写回/).waitFor();
  await settled(page);
  await page.reload();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  assert.equal((await storedRecords(page)).members.length, 25);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a full store at start-up still shows the stored records, and export exports them", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openStoredExample(context);
  const meetings = (await storedOfKind(page, "meeting/")).length;
  // localStorage full to the last byte, and no room in IndexedDB either.
  await page.evaluate(() => {
    const chunk = "满".repeat(64 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`filler.${i}`, chunk); } catch { break; }
    }
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`small.${i}`, "x".repeat(64)); } catch { break; }
    }
  });
  await limitQuota(page, env.server.origin, 1);
  await page.reload();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "开始使用", exact: true }).count(), 0, "never the welcome screen");
  await assertExportHoldsExample(page, meetings);
  assert.deepEqual(problems.filter((p) => !p.includes("QuotaExceeded")), []);
  await context.close();
});

test("an import refused for lack of space leaves the stored data exactly as before", async () => {
  const context = await env.browser.newContext(PHONE);
  // The store refuses writes as a full one does, once the test says so.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (sessionStorage.getItem("full")) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return put.apply(this, args);
    };
  });
  const { page, problems } = await openStoredExample(context);
  const before = await storedRecords(page);
  const dir = await mkdtemp(join(tmpdir(), "zhibu-full-"));
  const file = join(dir, "ten-years.json");
  await writeFile(file, makeBackup(tenYears()));
  await page.goto(env.server.origin + "/mine/backup");
  await page.evaluate(() => sessionStorage.setItem("full", "1"));
  await page.setInputFiles("input[name=backup-file]", file);
  await page.getByText("备份来自“十年测试党支部”").waitFor();
  await page.getByText("我确认要导入另一个支部的数据").click();
  // Both phones hold a 支部信息: each conflict waits for the member's answer.
  const conflicts = page.getByTestId("merge-review").locator(".conflict");
  for (let i = 0; i < (await conflicts.count()); i++) {
    await conflicts.nth(i).locator(".conflict-side").first().click();
  }
  await page.getByRole("button", { name: "确认合并" }).click();
  await page.getByText(/没有导入：.*浏览器存储空间已满.*本机原有数据没有任何改动/).waitFor();
  // The page shows what is stored, not the file.
  await page.getByText("可以恢复").waitFor({ state: "detached", timeout: 1000 }).catch(() => {});
  await page.evaluate(() => sessionStorage.removeItem("full"));
  await page.reload();
  await page.getByRole("heading", { name: "备份与交换" }).waitFor();
  assert.deepEqual(await storedRecords(page), before);
  await page.goto(env.server.origin + "/");
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a record from a newer version makes the page read-only, shows the rest and exports it", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openStoredExample(context);
  const meetings = (await storedOfKind(page, "meeting/")).length;
  await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => {
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").put('{"v":99,"rev":1,"by":"","at":0,"sum":"0","data":{}}', "meeting/from-the-future");
      tx.oncomplete = ok;
    });
    db.close();
  });
  await page.reload();
  await page.getByRole("alert").filter({ hasText: "请刷新或升级" }).first().waitFor();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  await assertExportHoldsExample(page, meetings);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload right after a tap whose commit did not happen loses nothing", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (sessionStorage.getItem("stall") && this.name === "records") {
        sessionStorage.setItem("stalled", "1");
        throw new DOMException("stalled for the test", "UnknownError");
      }
      return put.apply(this, args);
    };
  });
  const { page, problems } = await openStoredExample(context);
  await page.goto(env.server.origin + "/meetings/mt-ex-3?s=attendance");
  await page.evaluate(() => sessionStorage.setItem("stall", "1"));
  await page.locator(".attendance-row").first().getByRole("button", { name: "请假" }).click();
  // The commit follows the frame that shows the tap: wait until it failed.
  await page.waitForFunction(() => sessionStorage.getItem("stalled") === "1");
  await page.evaluate(() => sessionStorage.removeItem("stall"));
  // The commit failed; the journal holds the tap. The page goes away.
  await page.reload();
  await page.locator(".attendance-row").first().waitFor();
  await page.locator(".attendance-row").first().locator(".presence[aria-pressed=true]", { hasText: "请假" }).waitFor();
  await settled(page);
  const meeting = (await storedRecords(page))["meeting/mt-ex-3"];
  assert.equal(meeting.attendance[0].status, "leave");
  assert.deepEqual(problems.filter((p) => !p.includes("stalled")), []);
  await context.close();
});

test("a tap and closing the page in the same moment lose nothing: the page journals the tap as it goes", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openStoredExample(context);
  await page.goto(env.server.origin + "/meetings/mt-ex-3?s=attendance");
  await page.locator(".attendance-row").first().waitFor();
  const editsBefore = await page.evaluate(() => JSON.parse(localStorage.getItem("zhibu.device")).edits_since_backup);
  // The journal and the commit wait for the frame that shows a tap; a page
  // that goes away before that frame writes the journal as it goes. Here,
  // as on a phone switching to another app, no frame comes and no timer
  // runs before the page is gone.
  const name = await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
    const setTimer = window.setTimeout;
    window.setTimeout = (f, ms, ...rest) => (ms >= 50 ? 0 : setTimer(f, ms, ...rest));
    const row = [...document.querySelectorAll(".attendance-row")].find((r) =>
      r.querySelector(".presence[data-presence=缺席]").getAttribute("aria-pressed") === "false");
    row.querySelector(".presence[data-presence=缺席]").click();
    return row.querySelector(".member-name").firstChild.textContent.trim();
  });
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(env.server.origin + "/meetings/mt-ex-3?s=attendance");
  const row = again.locator(".attendance-row").filter({ hasText: name });
  await row.locator(".presence[aria-pressed=true]", { hasText: "缺席" }).waitFor({ timeout: 5000 });
  await settled(again);
  const stored = await storedRecords(again);
  const id = stored.members.find((m) => m.name === name).id;
  const entry = stored["meeting/mt-ex-3"].attendance.find((a) => a.member_id === id);
  assert.equal(entry.status, "absent", `${name}'s tap is stored`);
  const editsAfter = await again.evaluate(() => JSON.parse(localStorage.getItem("zhibu.device")).edits_since_backup);
  assert.ok(editsAfter > editsBefore, "the backup reminder counts the tap");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a throwing navigator.serviceWorker does not stop the app", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "serviceWorker", {
      get() {
        throw new DOMException("sandboxed", "SecurityError");
      },
    });
  });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startFresh();
  assert.deepEqual(problems, []);
  await context.close();
});

test("ten years of records import, are edited in two tabs and survive a reload", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page: first, problems } = await openApp(context, env.server.origin);
  const app = new App(first);
  await app.startFresh();
  const dir = await mkdtemp(join(tmpdir(), "zhibu-ten-"));
  const file = join(dir, "ten-years.json");
  await writeFile(file, makeBackup(tenYears()));
  await first.goto(env.server.origin + "/mine/backup");
  await first.setInputFiles("input[name=backup-file]", file);
  await first.getByText("备份来自“十年测试党支部”").waitFor();
  first.once("dialog", (d) => d.accept());
  await first.getByRole("button", { name: "导入", exact: true }).click();
  await first.getByText(/已导入并合并 \d+ 条记录/).waitFor({ timeout: 60000 });
  const { page: second } = await openApp(context, env.server.origin, "/meetings/y2026m11k4?s=record");
  await first.goto(env.server.origin + "/meetings/y2026m11k4?s=attendance");
  // The member the first row names, whatever the list's order.
  const label = await first.locator(".attendance-row").first().getByRole("group").getAttribute("aria-label");
  const name = label.replace(/ 的出席情况$/, "");
  await first.locator(".attendance-row").first().getByRole("button", { name: "缺席" }).click();
  await second.fill("textarea[name=minutes]", "第二个标签页写的纪要");
  await second.locator("textarea[name=minutes]").blur();
  await settled(first);
  await settled(second);
  await first.reload();
  await first.locator(".attendance-row").first().locator(".presence[aria-pressed=true]", { hasText: "缺席" }).waitFor();
  const stored = await storedRecords(first);
  assert.equal(Object.keys(stored).filter((k) => k.startsWith("meeting/")).length, 600);
  assert.equal(stored["meeting/y2026m11k4"].minutes, "第二个标签页写的纪要");
  const member = stored.members.find((m) => m.name === name);
  const mark = stored["meeting/y2026m11k4"].attendance.find((a) => a.member_id === member.id);
  assert.equal(mark.status, "absent", name);
  assert.deepEqual(problems, []);
  await context.close();
});

test("ten years open on home from this year's records, and every older one is there after", async () => {
  const context = await env.browser.newContext(PHONE);
  // How many stored records the page had read when home was first drawn.
  await context.addInitScript(() => {
    window.__recordsRead = 0;
    const count = (method) => {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (...args) {
        const request = original.apply(this, args);
        if (this.name === "records") {
          request.addEventListener("success", () => {
            const result = request.result;
            window.__recordsRead += Array.isArray(result) ? result.length : result === undefined ? 0 : 1;
          });
        }
        return request;
      };
    };
    count("getAll");
    count("get");
    new MutationObserver((_, observer) => {
      if (document.querySelector(".home-header")) {
        window.__readAtHome = window.__recordsRead;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startWithTenYears(env.server.origin);

  await page.goto(env.server.origin + "/");
  await page.locator(".home-header").waitFor();
  const readAtHome = await page.evaluate(() => window.__readAtHome);
  // 902 records: this year's 60 meetings and the branch's own come first.
  assert.ok(readAtHome > 0 && readAtHome < 100, `${readAtHome} records read before home`);
  await page.getByTestId("this-month").waitFor();

  // Every other screen has all ten years.
  await page.getByRole("link", { name: "会议" }).first().click();
  await page.goto(env.server.origin + "/meetings/y2017m1k0?s=record");
  await page.getByText("2017年1月学习").first().waitFor();
  await page.goto(env.server.origin + "/mine/backup");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出备份" }).first().click();
  const exported = JSON.parse(await readFile(await (await download).path(), "utf8"));
  assert.equal(exported.data.meetings.length, 600);
  assert.deepEqual(problems, []);
  await context.close();
});

test("with no network, a reload still opens the app and the data", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await offlineOnceCached(page);
  await page.reload();
  await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
  await page.goto(env.server.origin + "/meetings");
  await page.locator(".meeting-row").first().waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("a text field in an idle tab shows what another tab saved, focused or not", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page: first, problems } = await openApp(context, env.server.origin);
  await new App(first).loadExample();
  await first.goto(env.server.origin + "/meetings/mt-ex-1?s=votes");
  // The field has focus in the idle tab but nothing is typed.
  await first.locator("textarea[name=motion]").focus();
  const { page: second } = await openApp(context, env.server.origin, "/meetings/mt-ex-1?s=votes");
  await second.fill("textarea[name=motion]", "另一个标签页改过的决议");
  await second.locator("textarea[name=motion]").blur();
  await first.waitForFunction(
    () => document.querySelector("textarea[name=motion]")?.value === "另一个标签页改过的决议",
  );
  // Leaving the field does not write the old text back.
  await first.locator("textarea[name=motion]").blur();
  await settled(first);
  await settled(second);
  const vote = (await storedRecords(first))["meeting/mt-ex-1"].votes[0];
  assert.equal(vote.motion, "另一个标签页改过的决议");
  assert.deepEqual(problems, []);
  await context.close();
});
