// A secretary runs a 支部党员大会 from a phone: plan it, tick the checklist,
// mark 25 members, record a vote, reload half-way, finish; the home page
// and 补学 follow. Ten years of meetings list a page at a time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, storedRecords } from "./support.mjs";
import { makeBackup, tenYears } from "./backup-maker.mjs";

const env = useBrowser();

test("plan, run and finish a 支部党员大会 for 25 members with a reload half-way", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  // The example already held this quarter's 支部党员大会 (and a 组织生活会
  // counted as one): remove them, so the new one is what the compliance
  // view counts.
  await app.tab("会议");
  const assemblies = page.locator(".meeting-row", { hasText: "支部党员大会" });
  while ((await assemblies.count()) > 0) {
    await assemblies.first().click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "删除会议" }).click();
    await page.getByRole("link", { name: "＋ 安排会议" }).waitFor();
  }
  await app.addMember("新党员"); // the example has 24 active members: now 25
  await app.tab("首页");
  const thisMonth = page.getByTestId("this-month");
  const dueBefore = await thisMonth.locator(".due-list li").allTextContents();

  await app.tab("会议");
  await page.getByRole("link", { name: "＋ 安排会议" }).click();
  await page.selectOption("select[name=kind]", { label: "支部党员大会" });
  await page.fill("input[name=theme]", "学习党章 研究发展党员工作");
  await page.getByRole("button", { name: "创建并打开" }).click();
  await page.getByRole("heading", { name: "学习党章 研究发展党员工作" }).waitFor();

  // 清单: the 支部党员大会 template, ticked one by one.
  const checks = page.locator(".check-row input[type=checkbox]");
  assert.ok((await checks.count()) >= 8, "the type's checklist is there");
  await checks.nth(0).check();
  await checks.nth(1).check();

  // 签到: one tap each.
  await page.getByRole("tab", { name: "签到" }).click();
  const rows = page.locator(".attendance-row");
  assert.equal(await rows.count(), 25);
  for (let i = 0; i < 12; i++) await rows.nth(i).getByRole("button", { name: "出席" }).click();
  await rows.nth(12).getByRole("button", { name: "请假" }).click();
  // 其他 opens a short field for the reason in the recorder's words.
  assert.equal(await rows.nth(12).locator("input[name=reason-note]").count(), 0);
  await rows.nth(12).getByRole("button", { name: "其他" }).click();
  await rows.nth(12).locator("input[name=reason-note]").fill("外出培训");
  await rows.nth(12).locator("input[name=reason-note]").blur();
  const absentName = (await rows.nth(12).locator(".member-name").textContent()).replace("预备", "").trim();

  await app.reload(); // half-way: nothing is lost
  assert.equal(await page.locator(".presence.on").count(), 13);
  assert.equal(await page.locator(".chip-toggle.on", { hasText: "其他" }).count(), 1);
  assert.equal(await page.locator(".attendance-row", { hasText: absentName }).locator("input[name=reason-note]").inputValue(), "外出培训");
  await page.getByRole("tab", { name: "清单" }).click();
  assert.equal(await page.locator(".check-row input:checked").count(), 2);
  await page.getByRole("tab", { name: "签到" }).click();

  await page.getByRole("button", { name: "其余未登记的全部出席" }).click();
  const numbers = await page.locator(".tally-numbers b").allTextContents();
  assert.deepEqual(numbers, ["25", "24", "1", "0", "0"]);
  await page.getByText(/会议有效/).waitFor();

  // 表决: the result follows the 条例 rule.
  await page.getByRole("tab", { name: "表决" }).click();
  await page.getByRole("button", { name: "＋ 添加表决事项" }).click();
  await page.fill("textarea[name=motion]", "关于接收新党员为预备党员的决议");
  await page.fill("input[name=in-favour]", "20");
  await page.locator("input[name=in-favour]").blur();
  await page.getByRole("button", { name: "弃权加一" }).click();
  await page.getByText(/赞成 20 票，反对 0 票，弃权 1 票.*通过/).waitFor();

  // 记录: minutes typed, then the page is reloaded straight away.
  await page.getByRole("tab", { name: "记录" }).click();
  await page.fill("textarea[name=minutes]", "书记领学党章第二章。");
  await page.locator("textarea[name=minutes]").blur();
  await app.reload();
  assert.equal(await page.inputValue("textarea[name=minutes]"), "书记领学党章第二章。");

  await page.getByRole("button", { name: "标记为已召开" }).click();
  await page.getByRole("button", { name: "改回计划中" }).waitFor();

  // The home page no longer lists the quarter's 支部党员大会 as due.
  await app.tab("首页");
  const dueAfter = await thisMonth.locator(".due-list li").allTextContents();
  assert.ok(dueBefore.some((t) => t.includes("支部党员大会")), dueBefore.join("|"));
  assert.ok(!dueAfter.some((t) => t.includes("支部党员大会")), dueAfter.join("|"));
  // "有 N 人次待补学" opens the list; the member on leave is on it, and
  // their line opens the meeting.
  const owed = thisMonth.getByTestId("pending-makeups");
  await owed.getByRole("button", { name: /有 \d+ 人次待补学/ }).click();
  await owed.getByRole("link", { name: new RegExp(`${absentName}：支部党员大会`) }).click();
  await page.getByRole("heading", { name: "学习党章 研究发展党员工作" }).waitFor();
  await page.getByRole("tab", { name: "签到" }).click();
  const away = page.locator(".attendance-row", { hasText: absentName });
  await away.getByText("待补学").waitFor();
  // 补学 has its day and its way (自学/补课/谈话).
  const form = away.getByTestId("makeup-form");
  const today = await form.locator("input[name=makeup-date]").inputValue();
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
  await form.getByRole("button", { name: "补课", exact: true }).click();
  await form.getByRole("button", { name: "记下补学" }).click();
  await away.getByText(`已补学（${today}，补课）`).waitFor();
  await app.reload();
  await page.locator(".attendance-row", { hasText: absentName }).getByText(`已补学（${today}，补课）`).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("planned meetings export to a calendar file a phone can read", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出计划到日历" }).click();
  const file = await download;
  const text = await (await import("node:fs/promises")).readFile(await file.path(), "utf8");
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  // This month's 主题党日, planned with its theme.
  const planned = (await storedRecords(page))["meeting/mt-ex-3"];
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  assert.ok(unfolded.includes(`\r\nSUMMARY:主题党日：${planned.theme}\r\n`), unfolded);
  assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "lines are folded");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 主题党日 held as a 支部党员大会 is entered once and votes only once it counts as one", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.tab("会议");
  await page.getByRole("link", { name: "＋ 安排会议" }).click();
  // The example fixes its 主题党日 on the 15th: the plan takes that day.
  await page.selectOption("select[name=kind]", { label: "主题党日" });
  const planned = await page.inputValue("input[name=date]");
  assert.match(planned, /-15$/);
  await page.fill("input[name=theme]", "重温入党誓词暨党员大会");
  await page.getByRole("button", { name: "创建并打开" }).click();
  await page.getByRole("heading", { name: "重温入党誓词暨党员大会" }).waitFor();
  assert.equal(await page.getByRole("tab", { name: "表决" }).isVisible(), false, "a 主题党日 does not vote");
  await page.getByRole("tab", { name: "记录" }).click();
  await page.getByRole("button", { name: "支部党员大会", exact: true }).click();
  await page.getByRole("tab", { name: "表决" }).waitFor();
  await page.getByText("主题党日（同时计为支部党员大会）").waitFor();
  await app.reload();
  await page.getByRole("tab", { name: "表决" }).waitFor();

  // A 党小组会 is always one group: no "全支部" to choose.
  await app.tab("会议");
  await page.getByRole("link", { name: "＋ 安排会议" }).click();
  await page.selectOption("select[name=kind]", { label: "党小组会" });
  const options = await page.locator("select[name=group] option").allTextContents();
  assert.deepEqual(options, ["第一党小组", "第二党小组", "第三党小组"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("attendance starts neutral, 全部出席 marks everyone, the exception is one tap, and the bulk mark can be taken back", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await page.goto(env.server.origin + "/meetings/mt-ex-3?s=attendance");
  const quorum = page.locator(".quorum");
  await quorum.getByText(/尚未签到/).waitFor();
  assert.equal(await page.locator(".quorum.error").count(), 0, "no red 会议无效 before anyone is marked");
  let taps = 0;
  await page.getByRole("button", { name: "全部出席", exact: true }).click();
  taps++;
  const rows = page.locator(".attendance-row");
  await rows.nth(3).getByRole("button", { name: "请假" }).click();
  taps++;
  await rows.nth(3).getByRole("button", { name: "因公" }).click();
  taps++;
  const numbers = await page.locator(".tally-numbers b").allTextContents();
  assert.equal(numbers[3], "0", "nobody absent");
  assert.equal(numbers[2], "1", "one on leave");
  assert.equal(numbers[4], "0", "nobody unmarked");
  assert.equal(taps, 3, "a whole roll with one exception in three taps");
  // A name found by its pinyin initials, as a thumb types them.
  await page.fill("input[name=attendance-filter]", "wjg");
  // (By the text it holds: a row scrolled out of view has no rendered
  // text, `content-visibility` skips it until it is near the screen.)
  await page.locator(".attendance-row", { hasText: "王建国" }).waitFor();
  assert.equal(await rows.count(), 1);
  // Another name of the same 党小组, found as one row too: that row, not
  // the one before.
  await page.fill("input[name=attendance-filter]", "ly");
  await page.locator(".attendance-row", { hasText: "刘洋" }).waitFor();
  assert.equal(await rows.count(), 1);
  await page.fill("input[name=attendance-filter]", "");
  await page.waitForFunction(() => document.querySelectorAll(".attendance-row").length > 12);
  // Taking the bulk mark back keeps the exception tapped after it.
  await page.getByRole("button", { name: "撤销" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".presence.on").length === 1);
  const after = await page.locator(".tally-numbers b").allTextContents();
  assert.equal(after[2], "1", "the 请假 mark stays");
  assert.equal(after[1], "0", "nobody present any more");
  // 请假 offers the reasons that fit it; 补学 waits until the meeting is held.
  const away = page.locator(".attendance-row", { has: page.locator(".presence.on") });
  assert.equal(await away.getByRole("button", { name: "无故" }).count(), 0);
  assert.equal(await away.getByText("待补学").count(), 0, "no 补学 before the meeting is held");
  const bar = page.getByTestId("meeting-bar");
  // The example's 主题党日 is planned for today or a day to come: before
  // its day the app asks first, and the meeting is dated today.
  const asked = [];
  page.once("dialog", (d) => { asked.push(d.message()); d.accept(); });
  await bar.getByRole("button", { name: "结束会议，标记为已召开" }).click();
  await bar.getByText("已标记为已召开，记录已保存").waitFor();
  for (const question of asked) assert.match(question, /还没到那一天.*会议日期记为今天/);
  await away.getByText("待补学").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a vote whose counts need checking is not shown green, and the question is not a red error", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(env.server.origin + "/meetings/mt-ex-1?s=votes");
  await page.locator(".vote-result.ok").first().waitFor();
  await page.fill("input[name=in-favour]", "30");
  await page.locator("input[name=in-favour]").blur();
  await page.getByText(/多于出席的有表决权党员/).waitFor();
  assert.equal(await page.locator(".vote-result.ok").count(), 0, "no green 通过 beside the question");
  assert.equal(await page.locator(".vote .error").count(), 0, "a question, not a red error");
  assert.deepEqual(problems, []);
  await context.close();
});

test("ten years of meetings list a page of whole months at a time: older pages, a search and the way back all work", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startWithTenYears(env.server.origin);
  await page.goto(env.server.origin + "/meetings");
  const months = () => page.locator(".month-title").allTextContents();
  const status = page.locator(".page-switch span");
  await status.getByText("第 1 / 30 页 · 共 600 次").waitFor();
  assert.deepEqual(await months(), ["2026年12月", "2026年11月", "2026年10月", "2026年9月"]);
  assert.equal(await page.locator(".meeting-row").count(), 20, "one page, not 600 rows");
  await page.getByRole("button", { name: "较早的会议 ›" }).click();
  await status.getByText("第 2 / 30 页 · 共 600 次").waitFor();
  assert.equal((await months())[0], "2026年8月");
  // Into a meeting of that page and back by the screen's own arrow (a
  // home-screen app has no browser back): the same page.
  await page.locator(".meeting-row").first().click();
  await page.locator(".meeting-title").waitFor();
  await page.getByRole("link", { name: "返回" }).click();
  await status.getByText("第 2 / 30 页 · 共 600 次").waitFor();
  // A filter starts at the newest page, and comes back with its page.
  await page.locator(".filters").getByRole("button", { name: "已召开" }).click();
  await status.getByText("第 1 / 30 页 · 共 600 次").waitFor();
  await page.getByRole("button", { name: "较早的会议 ›" }).click();
  await page.getByRole("button", { name: "较早的会议 ›" }).click();
  await status.getByText("第 3 / 30 页").waitFor();
  await page.locator(".meeting-row").first().click();
  await page.locator(".meeting-title").waitFor();
  await page.goBack();
  await status.getByText("第 3 / 30 页 · 共 600 次").waitFor();
  assert.equal(await page.locator(".filters .chip-toggle.on").textContent(), "已召开");
  await page.locator(".filters").getByRole("button", { name: "全部" }).click();
  // A search reaches back ten years, and starts at its newest page.
  await page.fill("input[name=search]", "2017年1月");
  await page.locator(".month-title", { hasText: "2017年1月" }).waitFor();
  assert.deepEqual(await months(), ["2017年1月"]);
  assert.equal(await page.locator(".meeting-row").count(), 5);
  assert.equal(await page.locator(".page-switch").count(), 0, "one page needs no pager");
  assert.deepEqual(problems, []);
  await context.close();
});
