// Setting up a branch from its real 花名册 (issue #28 item 6), and home's
// 本月工作 opening the plan for each requirement (item 10).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, pageShown, settled, storedRecords } from "./support.mjs";

const env = useBrowser();

// As Excel copies it: tabs between cells, a header row, a name padded with
// a full-width space, a 少数民族 name; then a group's line typed below.
const SHEET = [
  "序号\t姓名\t性别\t类别\t党小组",
  "1\t王建国\t男\t正式党员\t第一党小组",
  "2\t李　娜\t女\t预备党员\t第二党小组",
  "3\t买买提·艾力\t男\t正式党员\t第一党小组",
  "",
  "第二党小组：周敏、刘洋",
].join("\n");

/** Steps 1 and 2 of setup: the branch's name and its pasted 花名册. */
async function pasteRoster(page, text) {
  await page.getByRole("button", { name: "开始使用", exact: true }).click();
  await page.getByText("第 1 步，共 4 步").waitFor();
  await page.fill("input[name=setup-branch-name]", "测试第三党支部");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByText("第 2 步，共 4 步").waitFor();
  await page.fill("textarea[name=setup-names]", text);
}

test("setup reads an Excel 花名册's 姓名, 类别 and 党小组, shows them before adding, and asks for the 书记 and 主题党日", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await pasteRoster(page, SHEET);
  const table = page.getByTestId("pasted-roster");
  await table.waitFor();
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows, [
    ["王建国", "正式党员", "第一党小组"],
    ["李娜", "预备党员", "第二党小组"],
    ["买买提·艾力", "正式党员", "第一党小组"],
    ["周敏", "正式党员", "第二党小组"],
    ["刘洋", "正式党员", "第二党小组"],
  ]);
  await page.getByText("将新建党小组：第一党小组、第二党小组").waitFor();
  await settled(page);
  const before = await storedRecords(page);
  assert.deepEqual(before.members ?? [], [], "nothing is added before the member confirms");

  await page.getByRole("button", { name: "确认添加 5 名党员" }).click();
  await page.locator(".toast", { hasText: "已添加 5 名党员" }).waitFor();
  await page.getByText("第 3 步，共 4 步").waitFor();
  await page.getByRole("heading", { name: "谁是支部书记？" }).waitFor();
  await page.selectOption("select[name=setup-secretary]", { label: "王建国" });
  await page.selectOption("select[name=theme-day-mode]", "day");
  await page.selectOption("select[name=theme-day]", "18");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByText("第 4 步，共 4 步").waitFor();

  const app = new App(page);
  await app.reload();
  await app.openMine("党员名册");
  const row = (name) => page.locator(".member-row", { hasText: name });
  await row("王建国").getByText("书记").waitFor();
  await row("李娜").getByText("预备").waitFor();
  assert.equal(await row("李娜").locator(".member-group").textContent(), "第二党小组");
  assert.equal(await row("买买提·艾力").locator(".member-group").textContent(), "第一党小组");
  assert.equal(await row("刘洋").locator(".member-group").textContent(), "第二党小组");
  assert.equal((await app.rosterNames()).length, 5);
  const stored = await storedRecords(page);
  assert.deepEqual(stored.branch.rules.theme_day, { type: "day_of_month", day: 18 });
  assert.deepEqual(stored.branch.groups.map((g) => g.name), ["第一党小组", "第二党小组"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("分配党小组: pick a group, tick the names, one tap puts them all in it", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await pasteRoster(page, "张三、李四、王五、赵六");
  await page.getByRole("button", { name: "确认添加 4 名党员" }).click();
  await page.getByText("第 3 步，共 4 步").waitFor();
  const app = new App(page);
  await app.openMine("党员名册");
  await page.getByRole("button", { name: "分配党小组" }).click();
  const panel = page.getByTestId("group-assignment");
  await panel.locator("input[name=assign-new-group]").fill("机关第一党小组");
  await panel.getByRole("button", { name: "添加" }).click();
  await panel.getByRole("button", { name: "机关第一党小组", exact: true }).waitFor();
  await panel.locator(".assign-row", { hasText: "张三" }).locator("input").check();
  await panel.locator(".assign-row", { hasText: "王五" }).locator("input").check();
  await panel.getByRole("button", { name: "分到机关第一党小组（2 人）" }).click();
  await page.locator(".toast", { hasText: "已将 2 人分到机关第一党小组" }).waitFor();
  await panel.getByRole("button", { name: "完成" }).click();

  await app.reload();
  const group = (name) => page.locator(".member-row", { hasText: name }).locator(".member-group").textContent();
  assert.equal(await group("张三"), "机关第一党小组");
  assert.equal(await group("王五"), "机关第一党小组");
  assert.equal(await group("李四"), "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("home's 本月工作 rows open the plan for that requirement, prefilled with the 主题党日 day, and say 已安排 once planned", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await page.clock.setFixedTime(new Date("2026-12-06T10:00:00+08:00"));
  await pasteRoster(page, "第一党小组：张三、李四\n王五");
  await page.getByRole("button", { name: "确认添加 3 名党员" }).click();
  await page.getByText("第 3 步，共 4 步").waitFor();
  await page.selectOption("select[name=theme-day-mode]", "day");
  await page.selectOption("select[name=theme-day]", "18");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "先看看首页" }).click();

  const due = page.getByTestId("this-month").locator(".due-list li");
  const themeDay = due.filter({ hasText: "主题党日" });
  await themeDay.getByText("本月 · 还差 1 次").waitFor();
  await themeDay.getByRole("link").click();
  await pageShown(page);
  assert.match(decodeURIComponent(page.url()), /\/meetings\/new\?kind=主题党日$/);
  assert.equal(await page.locator("select[name=kind] option:checked").textContent(), "主题党日");
  assert.equal(await page.inputValue("input[name=date]"), "2026-12-18");
  await page.getByRole("button", { name: "创建并打开" }).click();
  await page.waitForURL(/\/meetings\/mt/);

  const app = new App(page);
  await app.tab("首页");
  await themeDay.getByText("已安排 12-18").waitFor();
  await themeDay.getByRole("link").click();
  await pageShown(page);
  assert.match(page.url(), /\/meetings\/mt/, "a planned requirement opens its meeting");

  await app.tab("首页");
  await due.filter({ hasText: "党小组会（第一党小组）" }).getByRole("link").click();
  await pageShown(page);
  assert.equal(await page.locator("select[name=kind] option:checked").textContent(), "党小组会");
  assert.equal(await page.locator("select[name=group] option:checked").textContent(), "第一党小组");
  assert.deepEqual(problems, []);
  await context.close();
});
