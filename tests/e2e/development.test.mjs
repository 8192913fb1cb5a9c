// 发展党员全程纪实 at phone size: the secretary opens the pipeline from 我的,
// adds an applicant, records steps (day, 经办人, 材料) that are stored as
// they are tapped and survive a reload, sees a step done before the step it
// needs flagged in the rule's words at once, and prints the 纪实表 with
// the flag in it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, storedOfKind, pageShown } from "./support.mjs";
import { printToPdf, pageTextsRaw, squeeze } from "./print.mjs";

const env = useBrowser();
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-development-"));
});

/** The day `days` before today in Beijing, as yyyy-mm-dd. */
function daysAgo(days) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 - days * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

test("a secretary adds an applicant, records steps, sees an out-of-order step flagged and prints the 纪实表", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();
  await page.goto(origin + "/mine");
  await pageShown(page);

  // 我的 › 发展党员: the example's five paths, most urgent first.
  await page.getByRole("link", { name: /发展党员/ }).click();
  await page.waitForURL(/\/mine\/development$/);
  await pageShown(page);
  const pipeline = page.getByTestId("development-pipeline");
  await pipeline.getByText("吴思远").waitFor();
  assert.equal(await pipeline.locator("li").count(), 5);

  // A new applicant: a name and the day the 申请书 came.
  await page.getByText("＋ 新增入党申请人").click();
  await page.locator("input[name=applicant-name]").fill("赵一鸣");
  await page.locator("input[name=applied-on]").fill(daysAgo(20));
  await page.getByRole("button", { name: "添加" }).click();
  await page.waitForURL(/\/mine\/development\/fz-/);
  await pageShown(page);
  const id = page.url().split("/").pop();
  await page.getByTestId("path-due").getByText(/派人同入党申请人谈话/).waitFor();

  // Step 2, the talk, within the month: its day, who talked, the record ticked.
  const talk = page.getByTestId("step-2");
  await talk.locator("input[type=date]").fill(daysAgo(15));
  await talk.locator("input[name=step-2-by]").fill("张伟");
  await talk.locator("input[name=step-2-by]").blur();
  await talk.getByLabel("谈话记录").check();
  // Step 3 on one day, step 5 (培养联系人) the day before: out of order.
  await page.getByTestId("step-3").locator("input[type=date]").fill(daysAgo(5));
  await page.getByTestId("step-5").locator("input[type=date]").fill(daysAgo(6));
  await settled(page);
  const flag = page.getByTestId("path-flags");
  await flag.getByText(/第5步 指定培养联系人.*不得程序倒置/).waitFor();
  await page.getByTestId("step-5").getByText(/不得程序倒置/).waitFor();

  // Stored as tapped; a reload shows the same.
  const stored = (await storedOfKind(page, "applicant/")).find((a) => a.id === id);
  assert.equal(stored.name, "赵一鸣");
  const talkStep = stored.steps.find((s) => s.step === "first_talk");
  assert.deepEqual([talkStep.on, talkStep.by, talkStep.materials], [daysAgo(15), "张伟", ["talk_record"]]);
  await page.reload();
  await pageShown(page);
  await page.getByTestId("path-flags").getByText(/不得程序倒置/).waitFor();
  assert.equal(await page.getByTestId("step-2").getByLabel("谈话记录").isChecked(), true);

  // A contact named is one more rule: 一至两名正式党员.
  await page.getByTestId("step-5").getByText(/一至两名正式党员/).waitFor();
  await page.locator("input[name=contacts]").fill("张伟");
  await page.locator("input[name=contacts]").blur();
  // Put right: the contacts on the day of step 3; every flag goes.
  await page.getByTestId("step-5").locator("input[type=date]").fill(daysAgo(5));
  await settled(page);
  await page.getByTestId("path-flags").waitFor({ state: "detached" });

  // Out of order again, then the 纪实表 prints with every step and the flag.
  await page.getByTestId("step-5").locator("input[type=date]").fill(daysAgo(6));
  await settled(page);
  const pdf = join(dir, "record.pdf");
  await printToPdf(page, origin, `/print/development/${id}`, pdf);
  const text = squeeze(pageTextsRaw(pdf).join(""));
  for (const t of ["发展党员工作全程纪实表", "赵一鸣", "党组织派人谈话", "张伟", "材料归档", "需要说明的问题", "不得程序倒置"]) {
    assert.ok(text.includes(squeeze(t)), `纪实表 lacks ${t}`);
  }

  // Back on the pipeline the new applicant shows with its flag.
  await page.goto(origin + "/mine/development");
  await pageShown(page);
  await page.getByTestId("development-pipeline").getByText("赵一鸣").waitFor();
  await page.getByTestId("development-pipeline").getByText(/项不符合规定/).waitFor();

  assert.deepEqual(problems, []);
  await context.close();
});
