// Export, lose everything, import, get everything back; a broken file
// changes nothing; an import can be undone.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, DESKTOP, storedRecords } from "./support.mjs";

const env = useBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-e2e-"));
});

async function exportBackup(page) {
  await page.goto(page.url().replace(/\/[^/]*$/, "/mine/backup"));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出备份" }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test("export, clear storage, import: everything is back", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  const path = await exportBackup(page);
  assert.match(path, /支部工作手册-示例单位第一党支部-\d{4}-\d{2}-\d{2}\.json$/);
  await page.getByText(/上次备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
  const exported = JSON.parse(await readFile(path, "utf8"));
  assert.equal(exported.format, "zhibu.backup");
  assert.equal(exported.data.members.length, 25);

  // A new phone (or a browser whose data was wiped): nothing stored.
  const fresh = await env.browser.newContext(PHONE);
  const other = await openApp(fresh, env.server.origin);
  const newApp = new App(other.page);
  await other.page.getByRole("button", { name: "开始使用", exact: true }).waitFor();
  await newApp.startFresh();
  await other.page.goto(env.server.origin + "/mine/backup");
  await other.page.setInputFiles("input[name=backup-file]", path);
  await other.page.getByText("备份来自“示例单位第一党支部”").waitFor();
  await other.page.getByText("本机还没有数据，将全部导入。").waitFor();
  await other.page.getByRole("button", { name: "导入", exact: true }).click();
  await other.page.getByText(/已导入并合并 \d+ 条记录/).waitFor();
  await newApp.reload();
  await newApp.openMine("党员名册");
  assert.equal((await newApp.rosterNames()).length, 25);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await fresh.close();
  await context.close();
});

test("a broken file shows every problem and changes nothing", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  const before = JSON.stringify(await storedRecords(page));
  const broken = join(dir, "broken.json");
  await writeFile(broken, '{"format":"zhibu.backup","schema_version":1,"data":{"branch":');
  await page.goto(env.server.origin + "/mine/backup");
  await page.setInputFiles("input[name=backup-file]", broken);
  await page.getByText("无法导入，本机数据没有任何改动。").waitFor();
  await page.getByText(/不是完整的备份文件/).waitFor();
  await page.fill("textarea[name=backup-paste]", '{"hello": "another app"}');
  await page.getByRole("button", { name: "检查" }).click();
  await page.getByText(/这不是支部工作手册的备份文件/).waitFor();
  assert.equal(JSON.stringify(await storedRecords(page)), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("importing another branch's backup over real data is merged after a review, and can be undone", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.startFresh();
  await page.fill("input[name=branch-name]", "真实支部");
  await app.addMember("赵六");
  // A backup of the example branch, made in another context.
  const other = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page: otherPage } = await openApp(other, env.server.origin);
  await new App(otherPage).loadExample();
  const path = await exportBackup(otherPage);
  await other.close();

  await page.goto(env.server.origin + "/mine/backup");
  await page.setInputFiles("input[name=backup-file]", path);
  const review = page.getByTestId("merge-review");
  await review.getByText("与本机的“真实支部”不是同一个支部").waitFor();
  const merge = review.getByRole("button", { name: "确认合并" });
  assert.equal(await merge.isDisabled(), true, "another branch needs a deliberate yes");
  await review.getByText("我确认要导入另一个支部的数据").click();
  // Both phones set up the branch: its details are the member's choice;
  // the two rosters are simply joined.
  await review.locator(".conflict", { hasText: "支部信息 · 名称" }).waitFor();
  const titles = await review.locator(".conflict-title").allTextContents();
  assert.ok(titles.every((t) => t.startsWith("支部信息")), titles.join("|"));
  // No side is chosen for the member: a hurried 确认合并 cannot drop one.
  assert.equal(await merge.isDisabled(), true, "every conflict waits for an answer");
  await review.getByTestId("unanswered").waitFor();
  const name = review.locator(".conflict", { hasText: "支部信息 · 名称" });
  assert.ok(await name.locator("mark").count() > 0, "the differences are marked inside the texts");
  assert.ok(await name.getByText("两段都保留").isVisible());
  assert.ok(await name.getByText(/^导入的文件，\d+月\d+日$/).isVisible(), "the other side is named by where it came from");
  const rows = review.locator(".conflict");
  for (let i = 0; i < (await rows.count()); i++) {
    await rows.nth(i).locator(".conflict-side").first().click();
  }
  await merge.click();
  await page.getByText(/已导入并合并 \d+ 条记录/).waitFor();
  await app.openMine("党员名册");
  const names = await app.rosterNames();
  assert.equal(names.length, 26, "赵六 is kept beside the 25 imported");
  assert.ok(names.includes("赵六"));
  // The undo is still offered after a reload, until it is used or dismissed.
  await page.goto(env.server.origin + "/mine/backup");
  await app.reload();
  await page.getByRole("button", { name: "撤销，恢复原数据" }).click();
  await page.getByText("已恢复导入前的数据").waitFor();
  await app.reload();
  await page.getByText("可以恢复").waitFor({ state: "detached" });
  await app.openMine("党员名册");
  assert.deepEqual(await app.rosterNames(), ["赵六"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the backup page's example data asks before replacing real data, and can be undone", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.startFresh();
  await page.fill("input[name=branch-name]", "真实支部");
  await app.addMember("赵六");
  await page.goto(env.server.origin + "/mine/backup");
  await app.reload();
  // Its code arrives only when asked for (a part of its own in the split
  // build), after the member says yes.
  const asked = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    dialog.accept();
  });
  await page.getByRole("button", { name: "载入示例数据", exact: true }).click();
  await page.getByText("可以恢复载入示例数据前的数据（0 个党小组、1 名党员、0 次会议）。").waitFor();
  assert.equal(asked.length, 1);
  assert.equal(asked[0], "载入示例数据将替换本机现有数据（0 个党小组、1 名党员、0 次会议），之后可以撤销。继续吗？");
  await app.openMine("党员名册");
  assert.equal((await app.rosterNames()).length, 25);
  await page.goto(env.server.origin + "/mine/backup");
  await app.reload();
  await page.getByRole("button", { name: "撤销，恢复原数据" }).click();
  await page.getByText("已恢复载入示例数据前的数据").waitFor();
  await app.openMine("党员名册");
  assert.deepEqual(await app.rosterNames(), ["赵六"]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const size of [PHONE, DESKTOP]) {
  test(`at ${size.viewport.width} px each choice of 发送什么 reads on one line`, async () => {
    const context = await env.browser.newContext(size);
    const { page, problems } = await openApp(context, env.server.origin);
    await new App(page).loadExample();
    await page.goto(env.server.origin + "/mine/backup");
    const send = page.getByTestId("send-panel");
    await send.getByText("支部资料包", { exact: true }).waitFor();
    const labels = await send.locator("fieldset[aria-label=发送什么] label").evaluateAll((els) => els.map((el) => {
      // The lines its words take (the radio inside is hidden).
      const tops = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).flatMap((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      });
      const lines = new Set(tops);
      const box = el.getBoundingClientRect();
      return { text: el.textContent.trim(), lines: lines.size, right: box.right, h: box.height };
    }));
    assert.equal(labels.length, 4);
    for (const l of labels) {
      assert.equal(l.lines, 1, `“${l.text}” is on ${l.lines} lines`);
      assert.ok(l.h >= 44, `“${l.text}” is ${l.h} px tall`);
      assert.ok(l.right <= size.viewport.width, `“${l.text}” ends inside the screen`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
