// Printed records: each view printed to PDF in Chromium and read back with
// pdftotext. A long meeting checks that no table row splits across pages
// and no heading is left alone at the bottom of a page.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, storedRecords, storedOfKind } from "./support.mjs";
import { printToPdf, pageCount, pageTexts, pageTextsRaw, squeeze, lastBodyLine } from "./print.mjs";
import { makeBackup, longMeetingBranch } from "./backup-maker.mjs";

const A4 = { viewport: { width: 1000, height: 1400 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" };
const HEADINGS = ["出席人员", "议题", "学习篇目", "主要内容", "发言摘要", "决议及表决情况", "决议落实", "补学情况", "备注"];
const env = useBrowser();
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-print-"));
});

function assertPageFooters(pages) {
  pages.forEach((text, i) => {
    assert.match(squeeze(text), new RegExp(`第${i + 1}页共${pages.length}页`), `footer of page ${i + 1}`);
  });
}

test("the meeting record holds the branch, theme, every attendee, the vote and the signature lines", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const pdf = join(dir, "record.pdf");
  await printToPdf(page, env.server.origin, "/print/meeting/mt-ex-1", pdf);
  const pages = pageTexts(pdf);
  const all = squeeze(pages.join(""));
  assert.equal(pages.length, pageCount(pdf));
  assertPageFooters(pages);
  const theme = (await storedRecords(page))["meeting/mt-ex-1"].theme;
  for (const text of ["示例单位第一党支部", "党支部工作记录", theme, "讨论郑凯同志预备党员转正事项", "到会情况",
    "应到24人，实到22人，缺席2人（其中请假2人）", "会议有效", "关于郑凯同志由中共预备党员转为中共", "应到会有表决权党员21人",
    "含书面意见1份", "通过", "依据《中国共产党发展党员工作细则》", "主持人（签字）", "记录人（签字）"]) {
    assert.ok(all.includes(squeeze(text)), `missing: ${text}`);
  }
  const attendees = (await storedRecords(page)).members
    .filter((m) => m.status.state === "active").map((m) => m.name);
  const away = ["朱婷", "周敏"];
  for (const name of attendees.filter((n) => !away.includes(n))) assert.ok(all.includes(name), `attendee ${name}`);
  for (const name of away) assert.ok(all.includes(name), `absentee ${name} with reason`);
  assert.ok(!all.includes("未填写"), "a filed record never says 未填写");
  // The app's own chrome never prints.
  for (const chrome of ["打印 / 存为 PDF", "首页", "我的"]) assert.ok(!all.includes(squeeze(chrome)), chrome);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a member added after a meeting was held leaves its printed figures unchanged, and they add up", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  const figures = async (name) => {
    const pdf = join(dir, name);
    await printToPdf(page, env.server.origin, "/print/meeting/mt-ex-1", pdf);
    const all = squeeze(pageTexts(pdf).join(""));
    const [, due, present, away] = all.match(/应到(\d+)人，实到(\d+)人，缺席(\d+)人/).map(Number);
    const quorum = all.match(/应到会有表决权党员(\d+)人/)[1];
    return { all, due, present, away, quorum };
  };
  const before = await figures("held-before.pdf");
  await page.goto(env.server.origin + "/mine/roster");
  await app.addMember("新转入党员");
  const after = await figures("held-after.pdf");
  assert.deepEqual([after.due, after.present, after.away, after.quorum], [before.due, before.present, before.away, before.quorum]);
  assert.equal(after.present + after.away, after.due);
  assert.ok(!after.all.includes("新转入党员"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 谈心谈话 prints as a 谈心谈话记录 with 谈话人 and 谈话对象, not as a meeting", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const pdf = join(dir, "talk.pdf");
  await printToPdf(page, env.server.origin, "/print/talk/tk-ex-1", pdf);
  const all = squeeze(pageTexts(pdf).join(""));
  for (const text of ["谈心谈话记录", "谈话人", "王建国", "谈话对象", "罗娟", "谈话主要内容", "对方意见建议", "需跟进事项"]) {
    assert.ok(all.includes(squeeze(text)), `talk: ${text}`);
  }
  for (const text of ["主持人", "记录人", "应到", "实到"]) assert.ok(!all.includes(text), `no ${text} on a talk`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the sign-in sheet lists every member due, once, with its header on every page", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const pdf = join(dir, "sign-in.pdf");
  await printToPdf(page, env.server.origin, "/print/sign-in/mt-ex-3", pdf);
  const pages = pageTexts(pdf);
  assertPageFooters(pages);
  const names = (await storedRecords(page)).members
    .filter((m) => m.status.state === "active").map((m) => m.name);
  assert.equal(names.length, 24);
  for (const name of names) {
    const on = pages.filter((p) => squeeze(p).includes(name)).length;
    assert.equal(on, 1, `${name} printed on ${on} pages`);
  }
  // Rows per page are even: the count follows from the rows, not from chance.
  const rowsPerPage = pages.map((p) => names.filter((n) => squeeze(p).includes(n)).length);
  assert.equal(pages.length, Math.ceil(24 / rowsPerPage[0]));
  pages.forEach((p) => assert.ok(squeeze(p).includes("序号姓名党小组签名备注"), "the table header repeats"));
  assert.ok(squeeze(pages[0]).includes("主题党日签到表"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a long meeting (40 attendees, long minutes) prints without split rows or a lone heading", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startFresh();
  const data = longMeetingBranch();
  const file = join(dir, "long.json");
  await writeFile(file, makeBackup(data));
  await page.goto(env.server.origin + "/mine/backup");
  await page.setInputFiles("input[name=backup-file]", file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByText("已导入").waitFor();
  const pdf = join(dir, "long.pdf");
  await printToPdf(page, env.server.origin, "/print/meeting/long", pdf);
  const pages = pageTexts(pdf);
  assert.ok(pages.length >= 4, `a long record spans pages (${pages.length})`);
  assertPageFooters(pages);
  const squeezed = pageTextsRaw(pdf).map(squeeze);
  // A row that split would leave part of its text on each of two pages.
  const rows = [
    ...data.meetings[0].follow_ups.map((f) => f.task),
    ...data.meetings[0].votes.map((v) => v.motion),
  ];
  for (const row of rows) {
    const whole = squeezed.filter((p) => p.includes(squeeze(row))).length;
    assert.equal(whole, 1, `row printed whole on one page: ${row}`);
  }
  // No page ends on a section heading.
  pages.forEach((p, i) => {
    const last = squeeze(lastBodyLine(p));
    assert.ok(!HEADINGS.includes(last), `page ${i + 1} ends with the heading ${last}`);
  });
  // Every attendee is named.
  const all = squeezed.join("");
  for (const m of data.members.filter((_, i) => i !== 7 && i !== 21)) assert.ok(all.includes(m.name), m.name);
  assert.ok(all.includes(squeeze("应到40人，实到38人，缺席2人")));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the self-assessment form and the 民主评议 tally print with names, ratings and grades", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const [form0] = await storedOfKind(page, "assessment/");
  const { id: formId, year } = form0;
  const formPdf = join(dir, "form.pdf");
  await printToPdf(page, env.server.origin, `/print/assessment/${formId}`, formPdf);
  const form = squeeze(pageTexts(formPdf).join(""));
  for (const text of ["示例单位第一党支部", "政治合格", "执行纪律合格", "品德合格", "发挥作用合格", "自评情况", "存在问题", "整改措施", "本人签字"]) {
    assert.ok(form.includes(squeeze(text)), `form: ${text}`);
  }
  const reviewPdf = join(dir, "review.pdf");
  const reviewYear = (await storedOfKind(page, "review/"))[0].year;
  await printToPdf(page, env.server.origin, `/print/review/${reviewYear}`, reviewPdf);
  const pages = pageTexts(reviewPdf);
  assertPageFooters(pages);
  const review = squeeze(pages.join(""));
  for (const text of [`${reviewYear}年度民主评议党员情况汇总表`, "优秀", "合格", "不评定等次", "党支部书记（签字）", "王建国", "郑凯",
    "党员总数", "民主测评票数", "政治", "纪律", "品德", "作用"]) {
    assert.ok(review.includes(squeeze(text)), `review: ${text}`);
  }
  assert.ok(year > 2000);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the period summary prints what the rules require against what was held", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const pdf = join(dir, "summary.pdf");
  await printToPdf(page, env.server.origin, `/print/summary/year/${today}`, pdf);
  const pages = pageTexts(pdf);
  assertPageFooters(pages);
  const all = squeeze(pages.join(""));
  for (const text of ["党支部工作情况汇总", "组织生活制度落实情况", "支部党员大会", "党员出席情况", "出席率", "补学情况", "决议落实情况", "王建国"]) {
    assert.ok(all.includes(squeeze(text)), `summary: ${text}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
