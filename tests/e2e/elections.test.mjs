// Elections and 换届 from a phone: the 支部党员大会 elects its 委员 on the
// 2020 条例's rules (four fifths present, ballots that add up, 当选 on more
// than half of those due, a tie at the last seat voted on again), the
// 支委会 elects its 书记 and reports for approval, a 转正 vote names its
// member and the roster follows, and the 换届 page keeps the term and its
// steps. The record prints as A4.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, pageShown, settled, storedRecords } from "./support.mjs";
import { printToPdf, pageTexts, squeeze } from "./print.mjs";

const env = useBrowser();
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-elections-"));
});

/** Types a number and leaves the field, as a thumb does. */
async function type(locator, value) {
  await locator.fill(String(value));
  await locator.blur();
}

test("a 换届 election: four fifths present, ballots that add up, candidates from the roster, a tie at the last seat voted on again", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.holdMeeting("支部党员大会", "换届选举大会");
  await page.getByRole("tab", { name: "表决" }).click();
  await page.getByRole("button", { name: "＋ 选举支部委员会委员" }).click();
  const first = page.getByTestId("election").first();
  await type(first.locator("input[name=seats]"), 5);

  // Only those with 被选举权 are offered: no 预备党员.
  const offered = await first.locator("select[name=new-candidate] option").allTextContents();
  for (const probationary of ["郑凯", "谢欣怡", "韩冬"]) {
    assert.ok(!offered.includes(probationary), `${probationary} has no 被选举权`);
  }
  for (let i = 0; i < 6; i++) {
    await first.locator("select[name=new-candidate]").selectOption({ index: 1 });
    await first.getByTestId("candidate").nth(i).waitFor();
  }
  await type(first.locator("input[name=ballots-issued]"), 21);
  await type(first.locator("input[name=ballots-returned]"), 21);
  await type(first.locator("input[name=ballots-invalid]"), 1);
  const votes = [19, 18, 17, 16, 14, 14];
  for (const [i, n] of votes.entries()) {
    await type(first.getByTestId("candidate").nth(i).locator("input[name=candidate-votes]"), n);
  }
  await first.getByText("应到会有选举权党员 21 人，实到 21 人，达到五分之四，会议有效").waitFor();
  await first.getByText(/发出选票 21 张，收回 21 张，其中有效票 20 张、无效票 1 张.*选举有效/).waitFor();
  await first.getByText("候选人 6 名，应选 5 名，差额 1 名（20%）").waitFor();
  await first.getByText(/须就票数相等的被选举人再次投票/).waitFor();
  const outcomes = await first.locator(".candidate-outcome").allTextContents();
  assert.deepEqual(outcomes, ["当选", "当选", "当选", "当选", "票数相等，须再次投票", "票数相等，须再次投票"]);

  // 监票人 from those present.
  await first.locator("select[name=scrutineer]").selectOption({ index: 1 });
  await first.locator(".chip-toggle.on").first().waitFor();

  // The tied two on a second ballot for the last seat.
  await first.getByRole("button", { name: "＋ 就票数相等的被选举人再次投票" }).click();
  const second = page.getByTestId("election").nth(1);
  await second.getByTestId("candidate").nth(1).waitFor();
  assert.equal(await second.getByTestId("candidate").count(), 2);
  await type(second.locator("input[name=ballots-issued]"), 21);
  await type(second.locator("input[name=ballots-returned]"), 21);
  await type(second.getByTestId("candidate").nth(0).locator("input[name=candidate-votes]"), 15);
  await type(second.getByTestId("candidate").nth(1).locator("input[name=candidate-votes]"), 6);
  await second.getByText(/当选为党支部委员会委员/).waitFor();
  await second.getByText("选举结果尚未报上级党组织备案").waitFor();

  await app.reload();
  const again = page.getByTestId("election").first();
  assert.equal(await again.locator("input[name=candidate-votes]").nth(4).inputValue(), "14");
  await page.getByRole("button", { name: "标记为已召开" }).click();
  await page.getByRole("button", { name: "改回计划中" }).waitFor();

  // The printed record carries every figure and the result in the rules' words.
  const id = new URL(page.url()).pathname.split("/").pop();
  const pdf = join(dir, "election.pdf");
  await printToPdf(page, env.server.origin, `/print/meeting/${id}`, pdf);
  const text = squeeze(pageTexts(pdf).join(""));
  for (const expected of ["选举情况", "选举党支部委员会委员", "应到会有选举权党员21人，实到21人，达到五分之四，会议有效",
    "发出选票21张，收回21张，其中有效票20张、无效票1张", "监票人", "计票人", "票数相等，须再次投票",
    "至少11票始得当选", "超过应到会有选举权人数的半数"]) {
    assert.ok(text.includes(expected), `the record says ${expected}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the 支委会 elects its 书记 from its 委员 and the result is reported for approval", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.holdMeeting("支委会", "新一届支委会第一次会议");
  // A 支委会 is never a 支部党员大会.
  await page.getByRole("tab", { name: "记录" }).click();
  await page.getByText("支委会只计为支委会").waitFor();
  assert.equal(await page.getByRole("button", { name: "支部党员大会", exact: true }).count(), 0);

  await page.getByRole("tab", { name: "表决" }).click();
  await page.getByRole("button", { name: "＋ 选举书记" }).click();
  const ballot = page.getByTestId("election").first();
  const offered = await ballot.locator("select[name=new-candidate] option").count();
  assert.equal(offered - 1, 5, "the five 委员 may stand");
  await ballot.locator("select[name=new-candidate]").selectOption({ index: 1 });
  await type(ballot.locator("input[name=ballots-issued]"), 5);
  await type(ballot.locator("input[name=ballots-returned]"), 5);
  await type(ballot.locator("input[name=candidate-votes]"), 5);
  await ballot.getByText("应到会支部委员 5 人，实到 5 人，超过三分之二，会议有效").waitFor();
  await ballot.getByText(/当选为党支部书记/).waitFor();
  await ballot.getByText("选举结果尚未报上级党组织批准").waitFor();
  await ballot.locator("input[name=reported-on]").fill("2026-03-13");
  await ballot.getByText("已报上级党组织，尚待批复").waitFor();
  await ballot.locator("input[name=approved-on]").fill("2026-03-20");
  await page.waitForFunction(() => !document.body.textContent.includes("尚待批复"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 转正 vote names its member: the home page's reminder ends, and the roster follows the 上级党委's approval", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  // The example's 转正 vote names 郑凯: home says what is left, not 请及时讨论.
  await page.getByText(/支部党员大会通过郑凯同志转为正式党员/).waitFor();
  assert.equal(await page.getByText(/请及时讨论其转正/).count(), 0);
  // A vote that names nobody ends nothing.
  await page.goto(env.server.origin + "/meetings/mt-ex-1?s=votes");
  await page.selectOption("select[name=vote-member]", { value: "" });
  await app.tab("首页");
  await page.getByText(/郑凯同志预备期至.*请及时讨论其转正/).waitFor();
  await page.goto(env.server.origin + "/meetings/mt-ex-1?s=votes");
  await page.selectOption("select[name=vote-member]", { label: "郑凯" });
  // His path is kept on this phone: the vote waits for the 上级党委, and the
  // roster is not changed from the vote (转正 takes effect once approved).
  await page.getByText(/待上级党委审批转正/).first().waitFor();
  assert.equal(await page.getByRole("button", { name: "在名册中登记转正" }).count(), 0);
  await app.tab("首页");
  await page.getByText(/支部党员大会通过郑凯同志转为正式党员/).waitFor();
  assert.equal(await page.getByText(/郑凯同志预备期至/).count(), 0, "no more 请及时讨论");
  // The approval, entered on his path: the roster follows.
  await settled(page);
  const path = Object.values(await storedRecords(page)).find((v) => v && v.id?.startsWith("fz-") && v.name === "郑凯");
  await page.goto(env.server.origin + `/mine/development/${path.id}`);
  await pageShown(page);
  const approval = page.getByTestId("path-approval");
  await approval.locator("input[name=approval-on]").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }));
  await approval.getByRole("button", { name: "登记上级党委审批" }).click();
  await approval.waitFor({ state: "detached" });
  await app.openMine("党员名册");
  const zheng = page.locator(".member-row", { hasText: "郑凯" });
  await zheng.waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".member-row")].some((r) => r.textContent.includes("郑凯") && !r.textContent.includes("预备")));
  await zheng.click();
  assert.match(await page.inputValue("input[name=confirmed-on]"), /^\d{4}-\d{2}-\d{2}$/, "转正日期 recorded");
  await app.tab("首页");
  assert.equal(await page.getByText(/郑凯同志/).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the 换届 page: the term, the reminder six months ahead, the steps kept with their days, and the A4 record", async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 360, height: 740 } });
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.openMine("支部委员会换届");
  // Elected two years and eight months ago: four months of the term left.
  const elected = new Date();
  elected.setMonth(elected.getMonth() - 32);
  const iso = elected.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
  await page.fill("input[name=committee-elected-on]", iso);
  await page.getByText(/任期3年，至.*届满/).waitFor();
  await page.getByText(/请提前做好换届准备/).waitFor();
  await app.tab("首页");
  await page.getByRole("heading", { name: "支部委员会换届" }).waitFor();
  await page.getByRole("link", { name: "换届工作" }).click();
  await page.getByRole("button", { name: "开始换届工作" }).click();
  const request = page.locator("input[name=step-请示]");
  await request.fill("2026-10-08");
  await app.reload();
  assert.equal(await page.inputValue("input[name=step-请示]"), "2026-10-08");
  const pdf = join(dir, "handover.pdf");
  await printToPdf(page, env.server.origin, "/print/handover", pdf);
  const text = squeeze(pageTexts(pdf).join(""));
  for (const expected of ["支部委员会换届工作记录", "请示", "2026年10月8日", "批复", "选举大会", "支委会分工", "报批", "支部委员会组成"]) {
    assert.ok(text.includes(expected), `the record says ${expected}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
