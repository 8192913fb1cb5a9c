// A branch's year at phone size: from 我的 the secretary writes the year's
// plan and links the 支委会 that approved it, opens the summary's draft
// (figures computed from the records), edits it, is asked before a new
// draft would replace the edit, writes the 述职, and prints the plan and
// the summary to A4.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, storedRecords, pageShown } from "./support.mjs";
import { printToPdf, pageTextsRaw, squeeze } from "./print.mjs";

const env = useBrowser();
const beijing = new Date(Date.now() + 8 * 3600 * 1000);
const year = beijing.getUTCFullYear();
// The example's twelve months end last month: its plan and summary are that year's.
const workYear = beijing.getUTCMonth() === 0 ? year - 1 : year;
const GOALS = "以提升组织力为重点，全年落实“三会一课”制度，建设过硬党支部（测试目标）";
const ADDED = "书记补充：全年无一次组织生活延期。";
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-year-"));
});

test("the secretary writes the year's plan, edits the summary's draft and prints both", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  const app = new App(page);
  await app.loadExample();

  // 我的 › 年度计划、总结与述职: this year's three papers.
  await app.openMine("年度计划、总结与述职");
  await page.waitForURL(/\/mine\/year$/);
  await page.getByText(`${year}年度`, { exact: true }).waitFor();
  if (workYear !== year) {
    await page.getByRole("link", { name: "上一年" }).click();
    await page.getByText(`${workYear}年度`, { exact: true }).waitFor();
  }
  const hub = page.getByTestId("year-work");
  for (const row of ["年度工作计划", "年度工作总结", "书记抓党建述职"]) {
    await hub.locator(".menu-row", { hasText: row }).getByText("已填写").waitFor();
  }

  // The plan: goals typed, the 支委会 chosen; the schedule and the tasks
  // are the app's own.
  await hub.getByText("年度工作计划").click();
  await page.waitForURL(new RegExp(`/mine/year/${workYear}/plan$`));
  await pageShown(page);
  const goals = page.locator("textarea[name=plan-goals]");
  await goals.fill(GOALS);
  await goals.blur();
  const approval = page.locator("select[name=plan-approved-in]");
  const options = await approval.locator("option").allTextContents();
  assert.ok(options.length > 1 && options.slice(1).every((o) => o.includes("支委会")), options.join(" | "));
  await approval.selectOption({ index: options.length - 1 });
  const schedule = page.getByTestId("plan-schedule");
  await schedule.getByText("本季度：支部党员大会", { exact: false }).first().waitFor();
  assert.equal(await schedule.locator("li").count(), 12);
  assert.ok((await page.getByTestId("plan-tasks").locator("li").count()) > 0, "the year's key tasks are listed");
  await settled(page);
  const plan = (await storedRecords(page))[`year-plan/${workYear}`];
  assert.equal(plan.goals, GOALS);
  assert.ok(plan.approved_in, "the plan names the 支委会 that approved it");
  // The 支委会's own record says so, and leads back to the plan.
  await page.goto(`${origin}/meetings/${plan.approved_in}?s=record`);
  const approved = page.getByTestId("approved-plans");
  await approved.getByRole("link", { name: `审议通过${workYear}年度党支部工作计划 ›` }).click();
  await page.waitForURL(new RegExp(`/mine/year/${workYear}/plan$`));
  await page.locator("textarea[name=plan-goals]").waitFor();

  // The summary: figures computed from the records, the draft edited.
  await page.getByRole("link", { name: "返回" }).click();
  await page.waitForURL(new RegExp(`/mine/year/${workYear}$`));
  await page.getByTestId("year-work").getByText("年度工作总结").click();
  await page.waitForURL(new RegExp(`/mine/year/${workYear}/summary$`));
  await pageShown(page);
  const figures = page.getByTestId("summary-figures");
  await figures.getByText("组织生活制度落实情况").waitFor();
  await figures.getByText(/参加组织生活应到 \d+ 人次，实到 \d+ 人次/).waitFor();
  const work = page.locator("textarea[name=summary-work]");
  const drafted = await work.inputValue();
  assert.ok(drafted.startsWith("（一）组织生活制度落实情况。"), drafted.slice(0, 60));
  await work.fill(drafted + "\n" + ADDED);
  await work.blur();
  await page.getByTestId("draft-state").getByText("文字已修改").waitFor();
  // A new draft asks first; declined, the edit stays.
  let asked = "";
  page.once("dialog", async (dialog) => {
    asked = dialog.message();
    await dialog.dismiss();
  });
  await page.getByTestId("take-draft").click();
  await settled(page);
  assert.match(asked, /替换修改后的文字/);
  assert.ok((await work.inputValue()).endsWith(ADDED));
  const summary = (await storedRecords(page))[`year-summary/${workYear}`];
  assert.ok(summary.work.endsWith(ADDED), "the edit is stored");
  assert.notEqual(summary.work, summary.drafted);

  // The 述职, under the suggested headings.
  await page.goto(`${origin}/mine/year/${workYear}/report`);
  await pageShown(page);
  await page.getByText("一、履职情况").waitFor();
  const duties = page.locator("textarea[name=report-0]");
  await duties.fill("带头讲党课两次（测试）");
  await duties.blur();
  await settled(page);
  assert.equal((await storedRecords(page))[`secretary-report/${workYear}`].duties, "带头讲党课两次（测试）");

  // Printed: the summary with the edit and the figures after it, the plan
  // with the goals and the schedule.
  await page.goto(`${origin}/mine/year/${workYear}/summary`);
  await pageShown(page);
  await page.getByRole("link", { name: "打印总结" }).click();
  await page.waitForURL(new RegExp(`/print/year/summary/${workYear}$`));
  const summaryPdf = join(dir, "summary.pdf");
  await printToPdf(page, origin, `/print/year/summary/${workYear}`, summaryPdf);
  const summaryText = squeeze(pageTextsRaw(summaryPdf).join(""));
  for (const t of [`${workYear}年度党支部工作总结`, "一、主要工作和成效", ADDED, "二、存在的问题和不足", `附：${workYear}年度主要工作数据`, "发展党员", "接收预备党员", "党支部书记（签字）"]) {
    assert.ok(summaryText.includes(squeeze(t)), `the summary lacks ${t}`);
  }
  assert.ok(summaryText.indexOf(squeeze(ADDED)) < summaryText.indexOf(squeeze("附：")), "the figures follow the text");
  const planPdf = join(dir, "plan.pdf");
  await printToPdf(page, origin, `/print/year/plan/${workYear}`, planPdf);
  const planText = squeeze(pageTextsRaw(planPdf).join(""));
  for (const t of [`${workYear}年度党支部工作计划`, "支委会研究通过", GOALS, "“三会一课”等组织生活安排", "12月", "三、重点任务"]) {
    assert.ok(planText.includes(squeeze(t)), `the plan lacks ${t}`);
  }

  assert.deepEqual(problems, []);
  await context.close();
});
