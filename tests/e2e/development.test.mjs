// 发展党员全程纪实 at phone size: the secretary opens the pipeline from 我的,
// adds an applicant, records steps (day, 经办人, 材料) that are stored as
// they are tapped and survive a reload, sees a step done before the step it
// needs flagged in the rule's words at once, and prints the 纪实表 with
// the flag in it. Then a path from 申请 to 接收 through the meetings: the
// 支委会 and the 支部大会 are offered the person due, vote on a motion
// worded from the path, and record the passed vote there in one tap; the
// new 预备党员 is on the roster with the day, and each step links its meeting.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, storedOfKind, storedRecords, pageShown } from "./support.mjs";
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

/** Holds a meeting of `kind` for today and opens its 表决 tab. */
async function meetingVotes(app, kind, theme) {
  await app.holdMeeting(kind, theme);
  await app.page.getByRole("tab", { name: "表决" }).click();
}

/** Puts the decision due for `name` to the vote, passes it with everyone
 * present in favour and records it on the path; gives the vote's card. */
async function decide(page, name, motion) {
  const offer = page.getByTestId("decisions-due").locator("li", { hasText: name });
  await offer.getByRole("button", { name: "列入表决" }).click();
  const vote = page.locator("section.vote").last();
  assert.equal(await vote.locator("[name=motion]").inputValue(), motion);
  await vote.getByText("表决通过后，可一键记入发展党员纪实。").waitFor();
  await vote.getByRole("button", { name: "出席的全部赞成" }).click();
  await vote.getByText(/赞成票超过半数，通过/).waitFor();
  await vote.getByRole("button", { name: "记入发展党员纪实" }).click();
  await vote.getByText(/^已记入发展党员纪实/).waitFor();
  // Decided: no longer offered.
  await page.getByTestId("decisions-due").locator("li", { hasText: name }).waitFor({ state: "detached" });
  return vote;
}

test("from 申请 to 接收 through the meetings: the 支委会 and the 支部大会 vote on the person due, and the 预备党员 joins the roster with the day", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  const app = new App(page);
  await app.loadExample();
  const today = daysAgo(0);

  // 申请 … 集中培训 on the path, on days that keep the 细则's order and
  // its year as 积极分子.
  await page.goto(origin + "/mine/development");
  await pageShown(page);
  await page.getByText("＋ 新增入党申请人").click();
  await page.locator("input[name=applicant-name]").fill("钱明");
  await page.locator("input[name=applied-on]").fill(daysAgo(800));
  await page.getByRole("button", { name: "添加" }).click();
  await page.waitForURL(/\/mine\/development\/fz-/);
  await pageShown(page);
  const id = page.url().split("/").pop();
  for (const [step, ago] of [[2, 790], [3, 700], [4, 690], [5, 700], [6, 700], [7, 300], [8, 290], [9, 280], [10, 200], [11, 150]]) {
    await page.getByTestId(`step-${step}`).locator("input[type=date]").fill(daysAgo(ago));
  }
  await settled(page);

  // The 支委会 reviews the 发展对象 (第12步), a 一般事项 by its rule.
  await meetingVotes(app, "支委会", "审查发展对象");
  await page.getByTestId("decisions-due").locator("li", { hasText: "钱明" }).getByText("审查发展对象").waitFor();
  await decide(page, "钱明", "关于钱明同志发展对象的审查意见");

  // Back on the path: the review done with its meeting, a 思想汇报 handed
  // in, and the 公示 printed before the 预审.
  await page.goto(origin + `/mine/development/${id}`);
  await pageShown(page);
  assert.equal(await page.getByTestId("step-12").locator("input[type=date]").inputValue(), today);
  await page.getByTestId("step-12").getByRole("link", { name: /支委会/ }).waitFor();
  await page.locator("input[name=new-report]").fill(daysAgo(3));
  await page.getByTestId("path-dates").getByRole("button", { name: "记录" }).first().click();
  await page.getByTestId("report-days").getByText(daysAgo(3).split("-").map(Number).join(".")).waitFor();
  const notice = join(dir, "notice.pdf");
  await printToPdf(page, origin, `/print/development/notice-${id}`, notice);
  const posted = squeeze(pageTextsRaw(notice).join(""));
  for (const t of ["关于拟发展钱明同志为中共预备党员的公示", "被列为发展对象", "公示时间", "个工作日", "党支部（盖章）"]) {
    assert.ok(posted.includes(squeeze(t)), `公示 lacks ${t}`);
  }

  // 预审 and 志愿书 on the path.
  await page.goto(origin + `/mine/development/${id}`);
  await pageShown(page);
  for (const step of [13, 14]) {
    await page.getByTestId(`step-${step}`).locator("input[type=date]").fill(today);
  }
  await settled(page);

  // The 支部大会 votes 接收 (its own kind, written opinions counted), and
  // the vote is recorded on the path and the roster.
  await meetingVotes(app, "支部党员大会", "接收预备党员");
  const meetingId = page.url().match(/\/meetings\/([^?]+)/)[1];
  await page.getByTestId("decisions-due").locator("li", { hasText: "钱明" }).getByText("接收为预备党员").waitFor();
  const admission = await decide(page, "钱明", "关于接收钱明同志为中共预备党员");
  assert.equal(await admission.locator("select[name=vote-kind]").inputValue(), "接收预备党员");
  await admission.getByText("已记入发展党员纪实，并已在党员名册中登记为预备党员。").waitFor();
  await settled(page);

  const stored = await storedRecords(page);
  const member = stored.members.find((m) => m.name === "钱明");
  assert.deepEqual([member.standing, member.admitted_on], ["probationary", today]);
  const path = stored[`applicant/${id}`];
  assert.deepEqual(path.reports, [daysAgo(3)]);
  const step = (name) => path.steps.find((s) => s.step === name);
  assert.deepEqual([step("admission_assembly").on, step("admission_assembly").meeting_id], [today, meetingId]);
  assert.equal(step("committee_review").on, today);
  assert.equal(path.member_id, member.id);
  const vote = stored[`meeting/${meetingId}`].votes[0];
  assert.deepEqual([vote.applicant_id, vote.member_id, vote.kind], [id, member.id, "admit_probationary"]);

  // The roster: 钱明 as 预备党员, admitted on the day of the 支部大会.
  await app.openMine("党员名册");
  const row = page.locator(".member-list li", { hasText: "钱明" });
  await row.getByText("预备", { exact: true }).waitFor();
  await row.getByRole("link").click();
  await pageShown(page);
  assert.equal(await page.locator("input[name=admitted]").inputValue(), today);

  // The path: step 15 done on the day, linked to its meeting's 表决.
  await page.goto(origin + `/mine/development/${id}`);
  await pageShown(page);
  const admitted = page.getByTestId("step-15");
  assert.equal(await admitted.locator("input[type=date]").inputValue(), today);
  await admitted.getByRole("link", { name: /支部党员大会/ }).click();
  await page.waitForURL(new RegExp(`/meetings/${meetingId}\\?s=votes`));
  await pageShown(page);
  await page.getByTestId("path-decision").getByText(/已记入发展党员纪实/).waitFor();

  assert.deepEqual(problems, []);
  await context.close();
});

/** Adds an applicant whose 申请书 came `ago` days ago and who was talked
 * to the next day: a 支委会 may then name them 入党积极分子. */
async function applicantTalkedTo(page, name, ago) {
  const origin = new URL(page.url()).origin;
  await page.goto(origin + "/mine/development");
  await pageShown(page);
  await page.getByText("＋ 新增入党申请人").click();
  await page.locator("input[name=applicant-name]").fill(name);
  await page.locator("input[name=applied-on]").fill(daysAgo(ago));
  await page.getByRole("button", { name: "添加" }).click();
  await page.waitForURL(/\/mine\/development\/fz-/);
  await pageShown(page);
  await page.getByTestId("step-2").locator("input[type=date]").fill(daysAgo(ago - 1));
  await settled(page);
}

test("on a 360×740 phone the last person due for a decision is scrolled clear of the meeting's bar and can be put to the vote", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  const app = new App(page);
  await app.loadExample();
  const names = ["孙一", "孙二", "孙三", "孙四", "孙五", "孙六", "孙七"];
  for (const [i, name] of names.entries()) {
    await applicantTalkedTo(page, name, 30 - i);
  }

  // A 支委会 today: the seven are due for 确定为入党积极分子.
  await app.tab("会议");
  await page.getByRole("link", { name: "＋ 安排会议" }).click();
  await page.selectOption("select[name=kind]", { label: "支委会" });
  await page.fill("input[name=theme]", "确定入党积极分子");
  await page.getByRole("button", { name: "创建并打开" }).click();
  await page.getByRole("heading", { name: "确定入党积极分子" }).waitFor();
  await page.getByRole("tab", { name: "表决" }).click();
  const offers = page.getByTestId("decisions-due").locator("li.decision-offer");
  await offers.nth(names.length - 1).waitFor();
  assert.equal(await offers.count(), names.length);

  // Scrolled into view the way the browser does for a tap or a focus, the
  // last offer's button sits wholly above the meeting's bar and the tab bar.
  const last = offers.last().getByRole("button", { name: "列入表决" });
  await last.evaluate((el) => el.scrollIntoView({ block: "nearest" }));
  const button = await last.boundingBox();
  const bar = await page.getByTestId("meeting-bar").locator(".button").boundingBox();
  const tabs = await page.locator(".tab-bar").boundingBox();
  assert.ok(button.y >= 0, `the button's top is off screen: ${JSON.stringify(button)}`);
  assert.ok(button.y + button.height <= bar.y,
    `the meeting's bar (top ${bar.y}) covers the last offer's button (bottom ${button.y + button.height})`);
  assert.ok(button.y + button.height <= tabs.y, "the tab bar covers the last offer's button");
  // What is at the button's centre is the button.
  const hit = await last.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
  assert.ok(hit, "something lies over the last offer's button");
  await last.click({ trial: true, timeout: 2000 });
  await last.click();
  await page.locator("section.vote [name=motion]").last().waitFor();
  assert.equal(await page.locator("section.vote [name=motion]").last().inputValue(), "关于确定孙七同志为入党积极分子");

  assert.deepEqual(problems, []);
  await context.close();
});

test("a vote typed by hand is offered the path it is about, and the 上级党委's approval of a 转正 makes the 正式党员 from the end of the 预备期", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  const app = new App(page);
  await app.loadExample();

  // A 支部大会 today, its motion typed by hand: 延长韩冬同志预备期.
  await meetingVotes(app, "支部党员大会", "研究预备党员事项");
  const meetingId = page.url().match(/\/meetings\/([^?]+)/)[1];
  await page.getByRole("button", { name: "＋ 添加表决事项" }).click();
  const vote = page.locator("section.vote").last();
  await vote.locator("textarea[name=motion]").fill("关于延长韩冬同志预备期6个月");
  await vote.locator("textarea[name=motion]").blur();
  await vote.locator("select[name=vote-kind]").selectOption({ label: "延长预备期" });
  // Asked, not linked silently: one tap links it.
  const asked = vote.getByTestId("path-suggest");
  await asked.getByText("这是韩冬的延长预备期表决？").waitFor();
  await settled(page);
  let stored = await storedRecords(page);
  assert.equal(stored[`meeting/${meetingId}`].votes[0].applicant_id ?? null, null);
  await asked.getByRole("button", { name: "关联发展党员纪实" }).click();
  await vote.getByTestId("path-decision").getByText("（延长预备期6个月）").waitFor();
  await asked.waitFor({ state: "detached" });
  await settled(page);
  stored = await storedRecords(page);
  const linked = stored[`meeting/${meetingId}`].votes[0];
  const hanDong = stored.members.find((m) => m.name === "韩冬");
  const path = Object.entries(stored).find(([k, v]) => k.startsWith("applicant/") && v.name === "韩冬")[1];
  assert.deepEqual([linked.applicant_id, linked.member_id], [path.id, hanDong.id]);

  // 郑凯's 转正 was passed at last month's 党员大会: his path waits for the
  // 上级党委, and he is still a 预备党员.
  const zheng = Object.values(stored).find((v) => v && v.id?.startsWith("fz-") && v.name === "郑凯");
  const zhengMember = stored.members.find((m) => m.name === "郑凯");
  assert.equal(zhengMember.standing, "probationary");
  await page.goto(origin + `/mine/development/${zheng.id}`);
  await pageShown(page);
  const card = page.getByTestId("path-approval");
  await card.getByText("待上级党委审批转正").first().waitFor();
  await page.getByTestId("step-24").getByText("待上级党委审批").waitFor();
  // Approved today: a 正式党员 from the day his 预备期 ended.
  await card.locator("input[name=approval-on]").fill(daysAgo(0));
  await card.getByRole("button", { name: "登记上级党委审批" }).click();
  await card.waitFor({ state: "detached" });
  await settled(page);
  stored = await storedRecords(page);
  const admitted = zheng.steps.find((s) => s.step === "admission_assembly").on;
  const [y, m, d] = admitted.split("-").map(Number);
  const ends = `${y + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const after = stored.members.find((x) => x.name === "郑凯");
  assert.deepEqual([after.standing, after.confirmed_on], ["full", ends]);
  const approval = stored[`applicant/${zheng.id}`].steps.find((s) => s.step === "confirmation_approval");
  assert.equal(approval.on, daysAgo(0));

  assert.deepEqual(problems, []);
  await context.close();
});
