// The yearly self-assessment on a phone, and the secretary's 民主评议 tally
// from the members' files.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, choosePhoneOwner, storedOfKind } from "./support.mjs";
import { makeBackup, smallBranch } from "./backup-maker.mjs";

const env = useBrowser();
let dir;
// The app's default assessment year: this year in Beijing, or last year
// in January and February.
const beijing = new Date(Date.now() + 8 * 3600 * 1000);
const year = beijing.getUTCMonth() < 2 ? beijing.getUTCFullYear() - 1 : beijing.getUTCFullYear();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-assess-"));
});

async function importBackup(page, file) {
  await page.goto(env.server.origin + "/mine/backup");
  page.once("dialog", (d) => d.accept());
  await page.setInputFiles("input[name=backup-file]", file);
  await page.getByRole("button", { name: "导入", exact: true }).click();
  await page.getByText("已导入").waitFor();
}

/** A new phone that imported `branch` and opened this year's 民主评议. */
async function openReview(context, branch) {
  const opened = await openApp(context, env.server.origin);
  await new App(opened.page).startFresh();
  await importBackup(opened.page, branch);
  await opened.page.goto(env.server.origin + `/assess/review/${year}`);
  return opened;
}

async function openOwnForm(page, name) {
  await page.goto(env.server.origin + "/assess");
  await page.selectOption("select[name=me]", { label: name });
  await page.getByRole("button", { name: /开始填写|打开/ }).first().click();
  await page.waitForSelector(".standard");
}

test("a member fills a 四个合格 form with evidence, reloads mid-typing, and finishes it", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await openOwnForm(page, "刘洋");
  const first = page.locator(".standard").first();
  await first.getByRole("button", { name: "好", exact: true }).click();
  await first.locator("textarea[name=political-facts], textarea").first().fill("认真学习党的创新理论。");
  await first.locator("textarea").first().blur();
  await first.locator(".evidence summary").click();
  const line = (await first.locator(".evidence-list li span").first().textContent()).trim();
  await first.getByRole("button", { name: "＋ 引用" }).first().click();
  await page.waitForFunction((l) => [...document.querySelectorAll(".standard textarea")][0].value.includes(l), line);
  assert.match(await first.locator("textarea").first().inputValue(), /认真学习党的创新理论。\n/);

  // Typing, then the page is reloaded before the pause that saves it.
  await first.locator("textarea").nth(1).pressSequentially("学习不够系统", { delay: 10 });
  await page.reload();
  await page.waitForSelector(".standard");
  const again = page.locator(".standard").first();
  assert.equal(await again.locator("textarea").nth(1).inputValue(), "学习不够系统");
  assert.ok((await again.locator("textarea").first().inputValue()).includes(line), "the pulled evidence stayed");
  assert.equal(await again.locator(".chip-toggle.on").first().textContent(), "好");

  await page.getByRole("button", { name: "合格", exact: true }).click();
  await page.getByRole("button", { name: "完成", exact: true }).click();
  await page.getByText(/已于 \d{4}-\d{2}-\d{2} 完成/).waitFor();
  assert.equal(await again.locator("textarea").first().getAttribute("readonly") !== null
    || await again.locator("textarea").first().evaluate((t) => t.readOnly), true);
  await page.getByRole("button", { name: "重新打开" }).click();
  await page.getByText(/重新打开/).last().waitFor();
  const log = await page.locator(".log li").allTextContents();
  assert.equal(log.length, 2);
  assert.match(log[0], /完成/);
  assert.match(log[1], /重新打开/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the 自评表's own hand-in is the 交给书记 chat text, and the tally takes it pasted or as a file", async () => {
  const branch = join(dir, "nine.json");
  await writeFile(branch, makeBackup(smallBranch(9)));

  // Three members, each on "their own phone", hand in from their forms.
  const texts = [];
  let file;
  for (const name of ["党员一", "党员二", "党员三"]) {
    const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { page, problems } = await openApp(context, env.server.origin);
    await new App(page).startFresh();
    await importBackup(page, branch);
    // The phone is the member's own (使用人), so its form is theirs to hand in.
    await choosePhoneOwner(page, env.server.origin, name);
    await openOwnForm(page, name);
    await page.locator(".standard").first().getByRole("button", { name: "好", exact: true }).click();
    await page.getByRole("button", { name: "优秀", exact: true }).click();
    await page.getByRole("button", { name: "完成", exact: true }).click();
    await page.getByRole("button", { name: "导出自评文件，交支部书记" }).click();
    const shown = page.locator("textarea[name=transfer-text]");
    await shown.waitFor();
    const text = await shown.inputValue();
    assert.match(text, new RegExp(`【支部工作手册·交给书记的材料】${name}（`));
    assert.match(text, /ZB1/);
    assert.doesNotMatch(text, /"format"|\{/, "no raw file on screen");
    assert.doesNotMatch(await page.locator("body").innerText(), /JSON/);
    await page.getByRole("button", { name: "复制文字" }).click();
    await page.getByText("已复制文字，可以粘贴到聊天中发送。").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    if (name === "党员三") {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "存为文件" }).click();
      file = join(dir, `${name}.txt`);
      await (await download).saveAs(file);
    } else {
      texts.push(text);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }

  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openReview(context, branch);
  const rows = page.locator(".review-row");
  const box = page.getByTestId("returns-import");
  for (const [i, text] of texts.entries()) {
    await box.locator("details.paste").evaluate((d) => { d.open = true; });
    await box.locator("textarea[name=assessment-paste]").fill(text);
    await box.getByRole("button", { name: "导入", exact: true }).click();
    await box.getByTestId("merge-review").waitFor();
    await box.getByRole("button", { name: "确认合并" }).click();
    await rows.filter({ hasText: "自评：优秀" }).nth(i).waitFor();
  }
  await page.setInputFiles("input[name=assessment-files]", file);
  await box.getByRole("button", { name: "确认合并" }).click();
  await rows.filter({ hasText: "自评：优秀" }).nth(2).waitFor();
  assert.equal(await rows.count(), 9);
  assert.equal(await rows.filter({ hasText: "自评：优秀" }).count(), 3);
  assert.doesNotMatch(await page.locator("body").innerText(), /JSON/);

  // Not a hand-in at all: said in words, nothing changes.
  await box.locator("textarea[name=assessment-paste]").fill("你好，材料明天发");
  await box.getByRole("button", { name: "导入", exact: true }).click();
  await box.locator(".messages li.error").waitFor();
  assert.doesNotMatch(await box.innerText(), /JSON/);

  const report = page.getByTestId("grade-report");
  for (let i = 0; i < 9; i++) {
    await rows.nth(i).getByRole("button", { name: i < 3 ? "优秀" : "合格", exact: true }).click();
  }
  await report.getByText("党员总数 9 人，已评定 9 人，其中优秀 3 人（按三分之一计最多 3 人）").waitFor();
  assert.equal(await report.getByRole("alert").count(), 0);
  await rows.nth(3).getByRole("button", { name: "优秀", exact: true }).click();
  await report.getByRole("alert").filter({ hasText: /三分之一/ }).waitFor();
  await page.reload();
  await page.getByTestId("grade-report").getByRole("alert").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("grading 24 members: chips, 只看未评定, 其余全部合格 and its one 撤销", async () => {
  const branch = join(dir, "twenty-four.json");
  await writeFile(branch, makeBackup(smallBranch(24)));
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openReview(context, branch);
  const rows = page.locator(".review-row");
  const report = page.getByTestId("grade-report");
  const bar = page.getByTestId("grading-bar");
  await rows.nth(23).waitFor();
  assert.equal(await rows.count(), 24);
  assert.equal(await page.locator("select[name=decided-grade]").count(), 0, "no native selects");

  // Three 优秀, one tap each; every chip is a 44 px target.
  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole("button", { name: "优秀", exact: true }).click();
  await report.getByText("党员总数 24 人，已评定 3 人，其中优秀 3 人").waitFor();
  const chips = await rows.nth(5).locator(".grade-chips button").evaluateAll((bs) =>
    bs.map((b) => [b.textContent, b.getBoundingClientRect().height]));
  assert.deepEqual(chips.map(([t]) => t), ["优秀", "合格", "基本合格", "不合格", "不评定等次"]);
  for (const [t, h] of chips) assert.ok(h >= 44, `${t} is ${h} px tall`);
  // Tapping the chosen chip again takes the grade back.
  await rows.nth(2).getByRole("button", { name: "优秀", exact: true }).click();
  await report.getByText("党员总数 24 人，已评定 2 人").waitFor();
  await rows.nth(2).getByRole("button", { name: "优秀", exact: true }).click();

  await bar.getByRole("button", { name: "只看未评定" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".review-row").length === 21);
  await bar.getByRole("button", { name: "已交" }).click();
  await page.getByText("还没有人交自评。").waitFor();
  await bar.getByRole("button", { name: "只看未评定" }).click();

  await bar.getByRole("button", { name: "其余全部合格（21 人）" }).click();
  await report.getByText("党员总数 24 人，已评定 24 人，其中优秀 3 人").waitFor();
  await page.getByText("都已评定。").waitFor();
  await bar.getByText("已将其余 21 人评为合格。").waitFor();
  await bar.getByRole("button", { name: "撤销" }).click();
  await report.getByText("党员总数 24 人，已评定 3 人，其中优秀 3 人").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".review-row").length === 21);
  assert.equal(await bar.getByRole("button", { name: "撤销" }).count(), 0, "one undo");

  await bar.getByRole("button", { name: "其余全部合格（21 人）" }).click();
  await settled(page);
  await page.reload();
  await page.getByTestId("grade-report").getByText("已评定 24 人").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("once every member is graded, 都已评定 stands alone: no empty card above it", async () => {
  const branch = join(dir, "three.json");
  await writeFile(branch, makeBackup(smallBranch(3)));
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openReview(context, branch);
  const bar = page.getByTestId("grading-bar");
  await page.locator(".review-row").nth(2).waitFor();
  await bar.getByRole("button", { name: "只看未评定" }).click();
  await bar.getByRole("button", { name: "其余全部合格（3 人）" }).click();
  await page.getByText("都已评定。").waitFor();
  assert.equal(await page.locator(".review-list").count(), 0, "no list card is left with no rows");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 基本合格 asks for 帮扶人, a date and 措施, and each is kept on its own through a reload", async () => {
  const branch = join(dir, "remedy.json");
  await writeFile(branch, makeBackup(smallBranch(3)));
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openReview(context, branch);
  const row = page.locator(".review-row").nth(1);
  await row.getByRole("button", { name: "基本合格", exact: true }).click();
  await row.locator(".review-details summary").click();
  // The mentor first: the remedy is made by whichever field is written first.
  await row.locator("select[name=mentor]").selectOption({ label: "党员一" });
  await row.locator("input[name=remedy-deadline]").fill(`${year + 1}-03-31`);
  await row.locator("input[name=remedy-deadline]").blur();
  await row.locator("textarea[name=remedy-measures]").fill("每月谈心一次，参加组织生活不缺席");
  await row.locator("textarea[name=remedy-measures]").blur();
  await settled(page);

  const [review] = await storedOfKind(page, "review/");
  const entry = review.entries.find((e) => e.member_id === "p2");
  assert.equal(entry.remedy.mentor.member_id, "p1");
  assert.equal(entry.remedy.deadline, `${year + 1}-03-31`);
  assert.equal(entry.remedy.measures, "每月谈心一次，参加组织生活不缺席");

  await page.reload();
  const again = page.locator(".review-row").nth(1);
  await again.locator(".review-details summary").click();
  assert.equal(await again.locator("select[name=mentor] option:checked").textContent(), "党员一");
  assert.equal(await again.locator("input[name=remedy-deadline]").inputValue(), `${year + 1}-03-31`);
  assert.equal(await again.locator("textarea[name=remedy-measures]").inputValue(), "每月谈心一次，参加组织生活不缺席");
  // A 合格 member is asked for none of it.
  const qualified = page.locator(".review-row").nth(2);
  await qualified.getByRole("button", { name: "合格", exact: true }).click();
  await qualified.locator(".review-details summary").click();
  assert.equal(await qualified.locator("select[name=mentor]").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 反向情形 ticked on a form is kept, and a finished form's list cannot be ticked", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await openOwnForm(page, "刘洋");
  const list = page.locator("details.card", { hasText: "对照反向情形" });
  await list.locator("summary").click();
  const boxes = list.locator(".check-row input[type=checkbox]");
  assert.ok((await boxes.count()) > 0, "the branch's list is shown");
  assert.equal(await list.locator(".check-row button").count(), 0, "the list is the branch's: no × on a form");
  const first = (await list.locator(".check-row span").first().textContent()).trim();
  await boxes.first().check();
  await settled(page);
  const forms = await storedOfKind(page, "assessment/");
  assert.ok(forms.some((f) => f.negatives.includes(first)), `stored: ${first}`);

  await page.reload();
  await page.waitForSelector(".standard");
  const reloaded = page.locator("details.card", { hasText: "对照反向情形" });
  await reloaded.locator("summary").click();
  assert.ok(await reloaded.locator(".check-row input[type=checkbox]").first().isChecked());
  // Ticked means it applies to the member: the line stays as written, not
  // struck out like a checklist item that is done.
  assert.equal(await reloaded.locator(".check-row span").first().evaluate((s) => getComputedStyle(s).textDecorationLine), "none");
  await page.getByRole("button", { name: "合格", exact: true }).click();
  await page.getByRole("button", { name: "完成", exact: true }).click();
  await page.getByText(/已于 \d{4}-\d{2}-\d{2} 完成/).waitFor();
  assert.ok(await reloaded.locator(".check-row input[type=checkbox]").first().isDisabled(), "finished: not to be changed");
  assert.deepEqual(problems, []);
  await context.close();
});
