// 党建与业务融合 at phone size: a 支委会 deploys two tasks, a 党小组 checks
// one at its monthly meeting and writes the month's review, a member makes
// three commitments and records one kept, the secretary closes a task; then
// every 融合 printout prints to PDF with its key text, and the period
// summary shows the 融合 figures.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { useBrowser, openApp, App, PHONE, settled, storedOfKind, pageShown } from "./support.mjs";
import { makeBackup, smallBranch } from "./backup-maker.mjs";
import { printToPdf, pageTextsRaw, squeeze } from "./print.mjs";

const env = useBrowser();
const A4 = { viewport: { width: 1000, height: 1400 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" };
const beijing = new Date(Date.now() + 8 * 3600 * 1000);
const year = beijing.getUTCFullYear();
const month = beijing.getUTCMonth() + 1;
const last = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
const pad = (n) => String(n).padStart(2, "0");
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-fusion-"));
});

async function deployTask(page, origin, title) {
  await page.goto(`${origin}/meetings/mt-ex-2?s=tasks`);
  await page.getByTestId("deployed-tasks").getByRole("button", { name: "＋ 部署一项任务" }).click();
  await page.waitForURL(/\/fusion\/tasks\//);
  await page.fill("input[name=task-title]", title);
  await page.locator("input[name=task-title]").blur();
  await settled(page);
}

test("a year of 融合 work: deployed, checked, reviewed, promised, closed and printed", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();

  // The 支委会 deploys two tasks.
  await deployTask(page, origin, "客户满意度提升行动");
  await deployTask(page, origin, "党员志愿服务进社区");
  await page.goto(`${origin}/meetings/mt-ex-2?s=tasks`);
  const deployed = page.getByTestId("deployed-tasks");
  await deployed.getByText("客户满意度提升行动").waitFor();
  await deployed.getByText("党员志愿服务进社区").waitFor();

  // 第一党小组 checks one at last month's meeting and writes the review.
  await page.goto(`${origin}/meetings/mt-ex-g1?s=tasks`);
  const checked = page.getByTestId("checked-tasks");
  const row = () => checked.locator(".checked-task", { hasText: "客户满意度提升行动" });
  await row().locator("input[type=checkbox]").check();
  await row().locator("textarea[name=checked-task-progress]").fill("已制定调查问卷");
  await row().locator("textarea[name=checked-task-progress]").blur();
  const review = page.getByTestId("group-review");
  await review.locator("textarea[name=review-done]").fill("完成流程梳理并试运行");
  await review.locator("textarea[name=review-done]").blur();
  await settled(page);
  await page.goto(`${origin}/fusion/groups/g1/${last.y}/${last.m}`);
  assert.equal(await page.getByTestId("group-month-status").textContent(), "已回顾");
  // This month's key work is set but waits for this month's meeting.
  await page.goto(`${origin}/fusion/groups/g2/${year}/${month}`);
  assert.equal(await page.getByTestId("group-month-status").textContent(), "已确定");
  await page.getByText("当月或次月第一次党小组会标记为已召开后").waitFor();
  await page.goto(`${origin}/`);
  await page.getByTestId("this-month").getByTestId("group-work").getByText("第二党小组").waitFor();

  // A member who joined today makes three commitments and records one kept
  // (every member of the example has made theirs).
  await new App(page).addMember("新转入党员");
  await page.goto(`${origin}/fusion`);
  await page.selectOption("select[name=commitments-member]", { label: "新转入党员" });
  await page.waitForURL(/\/fusion\/commitments\/[^/]+\//);
  const newcomer = page.url().match(/\/fusion\/commitments\/([^/]+)\//)[1];
  assert.equal(await page.getByTestId("pledge").count(), 0, "no commitments yet");
  const pledges = [["学习", "每月读一本理论书籍"], ["工作", "年内完成三项流程改进"], ["服务", "每季度参加一次志愿服务"]];
  for (const [i, [kind, text]] of pledges.entries()) {
    await page.getByRole("button", { name: "＋ 一项承诺" }).click();
    const card = page.getByTestId("pledge").nth(i);
    await card.getByText(kind, { exact: true }).click();
    await card.locator("textarea[name=pledge-text]").fill(text);
    await card.locator("textarea[name=pledge-text]").blur();
  }
  const first = page.getByTestId("pledge").first();
  await first.getByRole("button", { name: "＋ 记一条" }).click();
  await first.locator("textarea[name=kept-note]").fill("已读完《习近平新时代中国特色社会主义思想学习纲要》");
  await first.locator("textarea[name=kept-note]").blur();
  await first.getByText("已兑现", { exact: true }).first().click();
  await settled(page);
  const stored = (await storedOfKind(page, "commitments/")).find((r) => r.member_id === newcomer);
  assert.equal(stored.items.length, 3);
  assert.deepEqual(stored.items.map((i) => i.kind), ["study", "work", "service"]);
  assert.equal(stored.items[0].notes.length, 1);
  assert.equal(stored.items[0].self_rating, "kept");

  // The secretary closes a task with its evidence.
  await page.goto(`${origin}/fusion`);
  await page.getByTestId("task-list").getByText("党员志愿服务进社区").click();
  await pageShown(page);
  await page.getByText("已销号", { exact: true }).click();
  await page.fill("textarea[name=task-evidence]", "活动照片已留存");
  await page.locator("textarea[name=task-evidence]").blur();
  await settled(page);
  const tasks = await storedOfKind(page, "task/");
  const closed = tasks.find((t) => t.title === "党员志愿服务进社区");
  assert.equal(closed.status, "closed");
  assert.ok(closed.closed_on, "closed on a day");
  assert.equal(closed.deployed_in, "mt-ex-2");
  const checkedTask = tasks.find((t) => t.title === "客户满意度提升行动");
  assert.ok(checkedTask.progress.some((p) => p.meeting_id === "mt-ex-g1" && p.text === "已制定调查问卷"));

  // Every printout, as A4 PDF, with what the journey wrote.
  const printer = { page, problems };
  const printed = async (path, texts) => {
    const pdf = join(dir, path.replace(/\//g, "_") + ".pdf");
    await printToPdf(printer.page, origin, path, pdf);
    const all = squeeze(pageTextsRaw(pdf).join(""));
    for (const t of texts) assert.ok(all.includes(squeeze(t)), `${path} lacks ${t}`);
    return pageTextsRaw(pdf);
  };
  await printed(`/print/fusion/tasks/${year}`, ["年度重点工作清单", "“党建+客户服务”流程优化攻坚", "第一党小组",
    "党员志愿服务进社区", "销号", "客户满意度提升行动"]);
  await printed(`/print/fusion/progress/${last.y}-${pad(last.m)}`, ["月度推进台账", "客户满意度提升行动", "已制定调查问卷"]);
  const groups = await printed(`/print/fusion/groups/${last.y}`, ["党小组月度重点工作及回顾表", "第一党小组", "完成流程梳理并试运行", "已回顾", "党小组组长（签字）"]);
  assert.ok(groups.length >= 3, "one page per 党小组");
  const pledgePages = await printed(`/print/fusion/pledges/${year}`, ["党员公开承诺书", "新转入党员", "每月读一本理论书籍", "承诺人（签字）"]);
  const withPledges = (await storedOfKind(page, "commitments/")).filter((c) => c.year === year && c.items.length > 0);
  assert.equal(pledgePages.length, withPledges.length, "one page per member with commitments");
  // The half-year notes come at July's 党小组会, in the example's records
  // from August on.
  const kept = ["承诺践诺评诺台账", "已读完", "已兑现"].concat(month >= 8 ? ["上半年按计划完成"] : []);
  await printed(`/print/fusion/ledger/${year}`, kept);
  await printed(`/print/fusion/morning/${last.y}-${pad(last.m)}`, ["五分钟晨学记录", "学习《党章》第一章"]);
  const opl = (await storedOfKind(printer.page, "study/")).find((s) => s.form === "one_point_lesson");
  if (opl) await printed(`/print/fusion/opl/${opl.id}`, ["OPL一点课", opl.title, "要点"]);
  await printed(`/print/summary/year/${year}-01-01`, ["党建与业务融合", "责任清单：部署", "第一党小组：重点工作", "承诺践诺"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a ledger on a phone reads as label and value lines, never wider than the screen", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(`${env.server.origin}/print/fusion/tasks/${year}`);
  await page.locator(".ledger").getByText("“党建+客户服务”流程优化攻坚").waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `page is ${wide}px wide`);
  assert.equal(await page.locator(".ledger thead").isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("党小组每月重点工作 is a local rule: switched off, neither the home page nor the compliance view asks for it", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();
  await page.getByTestId("this-month").getByTestId("group-work").waitFor();
  await page.goto(`${origin}/mine/branch`);
  const rule = page.locator("input[name=group-monthly-work]");
  assert.ok(await rule.isChecked(), "the example keeps the practice");
  await rule.uncheck();
  await settled(page);
  await page.goto(`${origin}/`);
  await page.getByTestId("this-month").waitFor();
  assert.equal(await page.getByTestId("group-work").count(), 0, "home");
  await page.goto(`${origin}/meetings/compliance`);
  await pageShown(page);
  assert.equal(await page.getByTestId("group-work").count(), 0, "compliance");
  await page.goto(`${origin}/fusion`);
  await page.getByText("本支部未开展党小组每月重点工作").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("学时: the page quotes §20, says what it counts, asks once how long a 学时 is, and a member adds training outside the branch", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();
  // As a branch that never chose: the unit is unset.
  await page.goto(`${origin}/mine/branch`);
  await page.selectOption("select[name=minutes-per-study-hour]", "");
  await settled(page);
  await page.goto(`${origin}/fusion/hours/${year}`);
  const ask = page.getByTestId("ask-study-hour");
  await ask.waitFor();
  await page.getByText(/第二十条：“市、县党委或者基层党委每年应当组织党员集中轮训.*一般不少于32学时。”/).waitFor();
  await page.getByText(/党校轮训、网络培训等不是本支部组织的/).waitFor();
  const row = page.locator(".hours-row", { hasText: "吴昊" });
  assert.match(await row.textContent(), /本支部 \d+ 分钟/, "minutes until the unit is set");
  await ask.getByRole("button", { name: "60 分钟" }).click();
  await ask.waitFor({ state: "detached" });
  const outside = async () => Number(((await row.textContent()).match(/支部以外 ([\d.]+) 学时/) || [0, 0])[1]);
  assert.match(await row.textContent(), /本支部 [\d.]+ 学时.*应不少于 32 学时/);
  assert.match(await page.locator(".hours-row", { hasText: "王建国" }).textContent(), /应不少于 56 学时/);
  const before = await outside();

  await page.getByRole("button", { name: "＋ 登记支部以外的培训学时" }).click();
  await page.waitForURL(/\/fusion\/study\//);
  await page.getByText("支部以外的培训").first().waitFor();
  await page.fill("input[name=study-title]", "县委党校专题轮训");
  await page.locator("input[name=study-title]").blur();
  await page.fill("input[name=study-credited-hours]", "4.5");
  await page.locator("input[name=study-credited-hours]").blur();
  await page.locator(".chip-toggle", { hasText: "吴昊" }).click();
  await settled(page);
  const stored = (await storedOfKind(page, "study/")).find((s) => s.title === "县委党校专题轮训");
  assert.equal(stored.form, "outside");
  assert.equal(stored.credited_tenths, 45);
  await page.goto(`${origin}/fusion/hours/${year}`);
  await page.locator(".hours-row", { hasText: "吴昊" }).waitFor();
  assert.equal(await outside(), before + 4.5);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a branch that began using the app this month shows and prints no 未确定 for the months before", async () => {
  const begun = smallBranch(3);
  begun.branch.rules.group_monthly_work = true;
  const file = join(dir, "begun.json");
  await writeFile(file, makeBackup(begun));
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startFresh();
  await page.goto(env.server.origin + "/mine/backup");
  page.once("dialog", (d) => d.accept());
  await page.setInputFiles("input[name=backup-file]", file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByText("已导入").first().waitFor();

  // The 融合 page: this month's key work is still to set; last month,
  // before the branch had any record here, is not listed as 未确定.
  await page.goto(env.server.origin + "/fusion");
  await pageShown(page);
  const lists = page.getByTestId("group-work");
  await lists.getByText(`${month}月`, { exact: true }).waitFor();
  assert.equal(await lists.getByText(`${last.m}月`, { exact: true }).count(), 0, "the month before is not listed");
  assert.equal(await lists.getByText("未确定").count(), 1, "only this month");

  // The 回顾表: a printout knows no today, and this branch has no dated
  // record yet, so no month is called 未确定 (before the fix: all twelve).
  await page.goto(`${env.server.origin}/print/fusion/groups/${year}`);
  await page.getByText("党小组月度重点工作及回顾表").first().waitFor();
  const statuses = await page.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => [r.cells[0]?.textContent.trim(), r.cells[6]?.textContent.trim()]));
  assert.equal(statuses.length, 12, JSON.stringify(statuses));
  for (const [m, status] of statuses) {
    const n = parseInt(m, 10);
    assert.ok(n >= 1 && n <= 12, m);
    assert.equal(status, "", `${m}: ${status}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
