// The yearly self-assessment on a phone, and the secretary's 民主评议 tally
// from the members' files.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE } from "./support.mjs";
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

test("the secretary tallies three members' files and is warned at a fourth 优秀 of nine", async () => {
  const branch = join(dir, "nine.json");
  await writeFile(branch, makeBackup(smallBranch(9)));

  // Three members, each on "their own phone", export their forms.
  const files = [];
  for (const name of ["党员一", "党员二", "党员三"]) {
    const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
    const { page, problems } = await openApp(context, env.server.origin);
    await new App(page).startFresh();
    await importBackup(page, branch);
    await openOwnForm(page, name);
    await page.locator(".standard").first().getByRole("button", { name: "好", exact: true }).click();
    await page.getByRole("button", { name: "优秀", exact: true }).click();
    await page.getByRole("button", { name: "完成", exact: true }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出自评文件，交支部书记" }).click();
    const file = join(dir, `${name}.json`);
    await (await download).saveAs(file);
    files.push(file);
    assert.deepEqual(problems, []);
    await context.close();
  }

  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).startFresh();
  await importBackup(page, branch);
  await page.goto(env.server.origin + `/assess/review/${year}`);
  await page.setInputFiles("input[name=assessment-files]", files);
  await page.locator(".messages li.ok").nth(2).waitFor();
  // The same file again updates instead of adding a second entry.
  await page.setInputFiles("input[name=assessment-files]", files[0]);
  await page.locator(".messages li.ok", { hasText: /更新/ }).waitFor();
  const rows = page.locator(".review-row");
  assert.equal(await rows.count(), 9);
  assert.equal(await rows.filter({ hasText: "自评：优秀" }).count(), 3);

  // Another branch's file is refused.
  const other = JSON.parse(await readFile(files[1], "utf8"));
  other.data.branch.name = "别的支部";
  await writeFile(join(dir, "other.json"), JSON.stringify(other));
  await page.setInputFiles("input[name=assessment-files]", join(dir, "other.json"));
  await page.locator(".messages li.error").waitFor();

  const report = page.getByTestId("grade-report");
  for (let i = 0; i < 9; i++) {
    await rows.nth(i).locator("select[name=decided-grade]").selectOption(i < 3 ? "优秀" : "合格");
  }
  await report.getByText("党员总数 9 人，已评定 9 人，其中优秀 3 人（按三分之一计最多 3 人）").waitFor();
  assert.equal(await report.getByRole("alert").count(), 0);
  await rows.nth(3).locator("select[name=decided-grade]").selectOption("优秀");
  await report.getByRole("alert").filter({ hasText: /三分之一/ }).waitFor();
  await page.reload();
  await page.getByTestId("grade-report").getByRole("alert").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
