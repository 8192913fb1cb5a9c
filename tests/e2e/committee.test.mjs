// The line up to the 党委: three branches' secretaries each make a 报上级
// package on their own phone and send it as a chat text (one as a link);
// the 党委's 组织员, on a phone that never held a branch, starts as
// "我是党委组织员", lists the four branches that should report, pastes
// the texts, sees 已报 3 / 应报 4 with the missing one named, keeps it
// across a reload, and prints the 汇总表, the 党费收缴汇总 and the
// 述职评议表 (PDFs read back).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, pageShown } from "./support.mjs";
import { printToPdf, pageTexts, pageTextsRaw, squeeze } from "./print.mjs";

const env = useBrowser();

/** The 报上级 text of this phone's branch, made on the backup page; with
 * `otherYear`, of the year the page does not offer first. */
async function reportText(page, origin, otherYear = false) {
  await page.goto(origin + "/mine/backup");
  const send = page.getByTestId("send-panel");
  await send.getByText("报上级", { exact: true }).click();
  if (otherYear) {
    const select = send.locator("select[name=report-year]");
    const chosen = await select.inputValue();
    const values = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
    await select.selectOption(values.find((v) => v !== chosen));
  }
  const contents = await send.getByTestId("package-contents").textContent();
  // The screen says what it holds, and what it does not.
  assert.match(contents, /党员人数 \d+ 名/);
  assert.match(contents, /不含党员姓名、收入、党费基数、备注/);
  await send.getByRole("button", { name: /生成传输文字/ }).click();
  const text = await send.locator("textarea[name=transfer-text]").inputValue();
  assert.match(text, /【支部工作手册·报上级材料】/);
  return text;
}

/** A new branch of its own name on a fresh phone, with two members. */
async function newBranch(page, name) {
  const app = new App(page);
  await app.startFresh();
  await page.fill("input[name=branch-name]", name);
  await page.locator("input[name=branch-name]").blur();
  await settled(page);
  await app.addMember("甲某");
  await app.addMember("乙某", { probationary: true });
  await settled(page);
}

test("three branches report to the 党委 by chat text; the 党委 sees 已报 3 / 应报 4 and prints the 汇总表", async () => {
  const origin = env.server.origin;
  const contexts = await Promise.all([0, 1, 2, 3].map(() => env.browser.newContext(PHONE)));
  const [first, second, third, committee] = await Promise.all(contexts.map((c) => openApp(c, origin)));

  await new App(first.page).loadExample();
  const texts = [await reportText(first.page, origin)];
  // The example's package holds no member's name.
  for (const name of ["王建国", "李红梅", "吴昊"]) assert.ok(!texts[0].includes(name));
  await newBranch(second.page, "机关第二党支部");
  texts.push(await reportText(second.page, origin));
  await newBranch(third.page, "机关第三党支部");
  texts.push(await reportText(third.page, origin));

  // The 组织员 starts from the welcome screen.
  const page = committee.page;
  await page.getByTestId("welcome-committee").click();
  await pageShown(page);
  await page.getByTestId("report-receive").waitFor();
  await page.getByText("应报的党支部", { exact: true }).click();
  await page.fill("textarea[name=expected-branches]",
    "示例单位第一党支部\n机关第二党支部\n机关第三党支部\n机关第四党支部");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.getByText("已保存", { exact: true }).waitFor();
  for (const text of texts) {
    await page.fill("textarea[name=report-paste]", `书记 9:30\n${text}\n[收到]`);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await page.getByTestId("report-received").filter({ hasText: "已导入" }).waitFor();
  }
  // The same text twice changes nothing.
  await page.fill("textarea[name=report-paste]", texts[1]);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByTestId("report-received").filter({ hasText: "已是最新" }).waitFor();

  const tally = page.getByTestId("report-tally");
  assert.equal(await tally.textContent(), "已报 3 / 应报 4");
  assert.equal(await page.getByTestId("report-missing").textContent(), "未报：机关第四党支部");
  const overview = page.getByTestId("committee-overview");
  for (const name of ["示例单位第一党支部", "机关第二党支部", "机关第三党支部", "机关第四党支部"]) {
    await overview.getByText(name, { exact: true }).waitFor();
  }
  // Drill into one branch: its months.
  await overview.getByRole("button", { name: "示例单位第一党支部" }).click();
  await page.getByTestId("branch-detail").getByText(/党员 \d+ 名（正式党员/).waitFor();
  assert.equal(await page.getByTestId("years-compared").count(), 0, "one year: nothing to compare");
  // The 述职 keeps its lines: each heading starts a line of its own.
  const report = page.getByTestId("branch-detail").locator(".prose").last();
  const indents = await report.evaluate((p) => {
    const text = p.firstChild;
    return ["一、", "二、", "三、"].map((h) => {
      const at = text.data.indexOf(h);
      if (at < 0) return null;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return Math.round(range.getBoundingClientRect().left - p.getBoundingClientRect().left);
    });
  });
  assert.deepEqual(indents, [0, 0, 0], "each heading of the 述职 at the start of a line");
  // The same branch's other year arrives: its years side by side.
  const otherYear = await reportText(first.page, origin, true);
  await page.fill("textarea[name=report-paste]", otherYear);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByTestId("report-received").filter({ hasText: "已导入" }).waitFor();
  const compared = page.getByTestId("years-compared");
  await compared.waitFor();
  const years = await compared.locator("tbody th").allTextContents();
  assert.equal(years.length, 2, years.join());
  assert.ok(Number.parseInt(years[0]) === Number.parseInt(years[1]) + 1, `latest first: ${years.join()}`);
  assert.equal(await tally.textContent(), "已报 3 / 应报 4", "another year's report leaves this year's tally");

  // Kept in the 党委's own database, apart from any branch's.
  await page.reload();
  await page.getByTestId("report-tally").filter({ hasText: "已报 3 / 应报 4" }).waitFor();
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
  assert.ok(databases.includes("zhibu-committee"), databases.join());

  // The printed 汇总表.
  const year = await page.locator("select[name=committee-year]").inputValue();
  const pdf = join(mkdtempSync(join(tmpdir(), "committee-")), "summary.pdf");
  await printToPdf(page, origin, `/committee/print/summary/${year}`, pdf);
  const printed = squeeze(pageTexts(pdf).join("\n"));
  assert.match(printed, /各党支部组织生活制度落实情况汇总表/);
  assert.match(printed, /已报3\/应报4/);
  for (const name of ["示例单位第一党支部", "机关第二党支部", "机关第三党支部"]) {
    assert.ok(printed.includes(name), name);
  }
  assert.match(printed, /未报送的党支部：机关第四党支部/);
  assert.ok(!printed.includes("王建国"));
  // The 党费 totals by branch, and the 述职评议表 naming each 述职人.
  const duesPdf = join(dirname(pdf), "dues.pdf");
  await printToPdf(page, origin, `/committee/print/dues/${year}`, duesPdf);
  // Read in the order drawn: a name wrapped in its cell stays whole.
  const dues = squeeze(pageTextsRaw(duesPdf).join(""));
  assert.match(dues, /各党支部党费收缴情况汇总表/);
  for (const t of ["示例单位第一党支部", "机关第四党支部", "未报", "合计", "收缴率"]) assert.ok(dues.includes(t), t);
  assert.ok(!dues.includes("王建国"));
  const appraisalPdf = join(dirname(pdf), "appraisal.pdf");
  await printToPdf(page, origin, `/committee/print/appraisal/${year}`, appraisalPdf);
  const appraisal = squeeze(pageTextsRaw(appraisalPdf).join(""));
  assert.match(appraisal, /党支部书记抓基层党建工作述职评议表/);
  for (const grade of ["好", "较好", "一般", "差"]) assert.ok(appraisal.includes(grade), grade);
  assert.ok(appraisal.includes("王建国"), "the example's 述职人");
  for (const name of ["机关第二党支部", "机关第三党支部", "机关第四党支部"]) assert.ok(appraisal.includes(name), name);

  for (const phone of [first, second, third, committee]) assert.deepEqual(phone.problems, []);
  await Promise.all(contexts.map((c) => c.close()));
});

test("a 报上级 link opens the 党委 side and takes the package in; a branch phone refuses it as a backup", async () => {
  const origin = env.server.origin;
  const secretary = await openApp(await env.browser.newContext(PHONE), origin);
  await newBranch(secretary.page, "机关第五党支部");
  const text = await reportText(secretary.page, origin);
  const link = text.split("\n")[0];
  assert.match(link, /#zbr=ZB1/, "a short package goes as a link");

  const committee = await openApp(await env.browser.newContext(PHONE), origin, link.slice(origin.length));
  await committee.page.getByTestId("report-received").filter({ hasText: "已导入“机关第五党支部”" }).waitFor();
  assert.equal(await committee.page.getByTestId("report-tally").textContent(), "已报 1");
  assert.ok(!committee.page.url().includes("#zbr="), committee.page.url());

  // The branch's own import says where it belongs.
  await secretary.page.goto(origin + "/mine/backup");
  await secretary.page.fill("textarea[name=backup-paste]", text);
  await secretary.page.getByRole("button", { name: "检查" }).click();
  await secretary.page.getByText(/这是报上级材料/).waitFor();
  assert.deepEqual(secretary.problems, []);
  assert.deepEqual(committee.problems, []);
});

test("a 党委 of twenty branches sees every branch's row, the last one too when scrolled to on a phone", async () => {
  const origin = env.server.origin;
  const { page, problems } = await openApp(await env.browser.newContext(PHONE), origin);
  await page.getByTestId("welcome-committee").click();
  await pageShown(page);
  await page.getByText("应报的党支部", { exact: true }).click();
  const names = Array.from({ length: 20 }, (_, i) => `机关第${i + 1}党支部`);
  await page.fill("textarea[name=expected-branches]", names.join("\n"));
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.getByText("已保存", { exact: true }).waitFor();
  // The first rows come first, the rest after that frame: all twenty.
  const rows = page.locator(".overview-table tbody tr");
  await page.waitForFunction(() => document.querySelectorAll(".overview-table tbody tr").length === 20);
  assert.deepEqual((await rows.locator("th").allTextContents()).sort(), names.slice().sort());
  // Below the phone's first screen the table is drawn once scrolled near.
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  const box = await last.boundingBox();
  assert.ok(box && box.height >= 30 && box.y >= 0 && box.y + box.height <= 740, JSON.stringify(box));
  assert.match(await last.locator("td").first().innerText(), /未报/);
  // Another year: its first rows, then all twenty again.
  const year = page.locator("select[name=committee-year]");
  const shown = await year.inputValue();
  const values = await year.locator("option").evaluateAll((os) => os.map((o) => o.value));
  await year.selectOption(values.find((v) => v !== shown));
  await page.waitForFunction((shown) => document.querySelector("select[name=committee-year]").value !== shown, shown);
  await page.waitForFunction(() => document.querySelectorAll(".overview-table tbody tr").length === 20);
  assert.deepEqual(problems, []);
});
