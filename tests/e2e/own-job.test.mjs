// Each person sees their own job (#28 item 3): the phone remembers the
// roster name picked when it joined, and the roster says what that person
// does. A member's phone begins with their own work and offers none of the
// committee's (安排会议, 签到, the record, 支部评诺, the 汇总), yet every
// screen still opens, read only, and 我的 says how to see everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useBrowser, openApp, App, PHONE, settled, pageShown, storedOfKind,
  secretarysPackage, joinByLink, choosePhoneOwner, editControls,
} from "./support.mjs";

const env = useBrowser();

/** Whether a meeting's 签到 offers a tap that marks someone. */
async function attendanceTaps(page, origin, id) {
  await page.goto(`${origin}/meetings/${id}?s=attendance`);
  await pageShown(page);
  await page.locator(".attendance-row").first().waitFor();
  return page.locator(".attendance-row button.presence:visible:enabled").count();
}

/** The secretary's phone with the example branch, and 吴昊's, which joined
 * from its link and shows his own work; `close` closes both. */
async function secretaryAndWu() {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysPackage(a, origin);
  const member = await joinByLink(b, origin, token, "吴昊");
  await member.page.getByTestId("my-work").waitFor();
  return { secretary, member, close: () => Promise.all([a.close(), b.close()]) };
}

test("a member who joined from the 支部资料包 link sees their own work first and the meetings read only; the secretary's phone still sees everything", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysPackage(a, origin);

  const member = await joinByLink(b, origin, token, "吴昊");
  const page = member.page;

  // Home begins with 吴昊's own work, above the branch's month.
  const work = page.getByTestId("my-work");
  await work.waitFor();
  assert.equal((await work.locator(".card-title").textContent()).trim(), "吴昊的工作");
  const rows = (await work.locator(".menu-label").allTextContents()).map((t) => t.trim());
  assert.deepEqual(rows.map((r) => r.replace(/^\d{4}年度/, "")), ["自评", "我的承诺", "学习与学时", "交给书记"]);
  const cards = await page.locator("main .card").evaluateAll((all) => all.map((c) => c.dataset.testid || ""));
  assert.ok(cards.indexOf("my-work") < cards.indexOf("this-month"), `own work first: ${cards.join(", ")}`);
  assert.equal(await page.getByRole("link", { name: "安排会议" }).count(), 0, "no 安排会议 on home");

  // The meetings list plans nothing; a meeting opens, read only.
  await new App(page).tab("会议");
  await page.locator(".meeting-row").first().waitFor();
  assert.equal(await page.getByRole("link", { name: /安排会议/ }).count(), 0, "no 安排会议 on the list");
  // A held meeting that arrived with the package, with who came.
  const held = (await storedOfKind(page, "meeting/")).find((m) => m.state === "held" && m.attendance?.length);
  assert.ok(held, "the package carries held meetings");
  assert.equal(await attendanceTaps(page, origin, held.id), 0, "no attendance taps");
  await page.getByTestId("read-only-note").waitFor();
  assert.ok(await page.locator(".attendance-row .presence.on").count() > 0, "who came still shows");
  assert.equal(await page.getByTestId("meeting-bar").count(), 0, "no 开始签到 / 已召开");
  assert.equal(await page.getByRole("button", { name: "删除会议" }).count(), 0);
  await page.getByRole("link", { name: "打印会议记录" }).waitFor();
  // Their own 承诺: theirs to keep, the 支部评诺 only to read.
  await page.goto(origin + "/");
  await work.getByRole("link", { name: /我的承诺/ }).click();
  await pageShown(page);
  await page.getByRole("button", { name: "＋ 一项承诺" }).click();
  await page.getByTestId("pledge").first().waitFor();
  await page.locator(".branch-rating summary", { hasText: "支部评诺（支委填写）" }).first().waitFor();
  // 交给书记 opens with the member's return chosen.
  await page.goto(origin + "/");
  await work.getByRole("link", { name: /交给书记/ }).click();
  await pageShown(page);
  assert.equal(await page.getByTestId("send-panel").getByLabel("交给书记的材料").isChecked(), true);
  // The 评议 tab offers the member's forms, not the secretary's tally.
  await new App(page).tab("评议");
  assert.equal(await page.getByText("支部民主评议汇总（书记用）").count(), 0);

  // 我的 says whose phone it is; a 党小组长 also has their group's month.
  await new App(page).tab("我的");
  const phone = page.getByTestId("this-phone");
  assert.match(await phone.getByTestId("this-phone-job").textContent(), /本机属于吴昊/);
  await phone.locator("select[name=phone-owner]").selectOption({ label: "杨帆" });
  await phone.getByText(/党小组长杨帆/).waitFor();
  await new App(page).tab("首页");
  await work.getByRole("link", { name: /第三党小组\d+月工作/ }).waitFor();

  // A member who helps the committee says so, and everything is offered.
  await new App(page).tab("我的");
  await phone.getByRole("button", { name: "我是支委，显示全部" }).click();
  await phone.getByRole("button", { name: "只显示我本人的工作" }).waitFor();
  await new App(page).tab("首页");
  assert.equal(await page.getByTestId("my-work").count(), 0);
  await page.getByRole("link", { name: "安排会议" }).waitFor();
  assert.ok(await attendanceTaps(page, origin, "mt-ex-3") > 0, "attendance taps once everything shows");

  // After a reload the phone still knows whose it is.
  await page.goto(origin + "/mine");
  await pageShown(page);
  await phone.getByRole("button", { name: "只显示我本人的工作" }).click();
  await settled(page);
  await new App(page).reload();
  await page.goto(origin + "/");
  await work.getByRole("link", { name: /第三党小组/ }).waitFor();

  // The secretary's phone (书记 by the roster) sees everything, as before.
  const s = secretary.page;
  await s.goto(origin + "/");
  await s.getByTestId("this-month").waitFor();
  assert.equal(await s.getByTestId("my-work").count(), 0);
  await s.getByRole("link", { name: "安排会议" }).waitFor();
  assert.ok(await attendanceTaps(s, origin, "mt-ex-3") > 0, "the secretary marks attendance");
  assert.equal(await s.getByTestId("read-only-note").count(), 0);
  await s.getByTestId("meeting-bar").waitFor();

  for (const p of [secretary, member]) assert.deepEqual(p.problems, []);
  await Promise.all([a.close(), b.close()]);
});

test("the phone that set the branch up, with nobody chosen, keeps the whole interface", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  assert.equal(await page.getByTestId("my-work").count(), 0);
  await page.getByRole("link", { name: "安排会议" }).waitFor();
  assert.ok(await attendanceTaps(page, env.server.origin, "mt-ex-3") > 0);
  await page.goto(env.server.origin + "/mine");
  await pageShown(page);
  assert.match(await page.getByTestId("this-phone-job").textContent(), /没有选择使用人/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The page at `path`, on screen. */
async function open(page, origin, path) {
  await page.goto(origin + path);
  await pageShown(page);
}

test("on a member's phone the branch's records open read only, with who keeps them; their own 承诺 stays theirs", async () => {
  const origin = env.server.origin;
  const { secretary, member, close } = await secretaryAndWu();
  const page = member.page;
  const year = new Date().getFullYear();
  const members = (await storedOfKind(page, "members"))[0];
  const wu = members.find((m) => m.name === "吴昊");
  const other = members.find((m) => m.name === "刘洋");
  const task = (await storedOfKind(page, "task/"))[0];
  assert.ok(task, "the package carries this year's 重点任务");

  // Each screen shows its records and says who keeps them, with nothing
  // that would change them: typed addresses included.
  const screens = [
    ["/mine/roster", /党员名册由支部书记填写/],
    [`/mine/roster/${other.id}`, /党员名册由支部书记填写/],
    ["/mine/branch", /支部信息与规则由支部书记填写/],
    ["/mine/handover", /换届和支委分工由支部书记填写/],
    ["/mine/dues", /党费由支委填写/],
    [`/mine/dues/${year}`, /党费由支委填写/],
    ["/mine/development", /发展党员纪实由支委填写/],
    [`/mine/year/${year}/plan`, /年度计划、总结和述职由支部书记填写/],
    [`/mine/year/${year}/summary`, /由支部书记填写/],
    ["/mine/templates", /模板由支部书记填写/],
    ["/talks", /谈心谈话记录由支委填写/],
    [`/fusion/tasks/${task.id}`, /融合重点任务由支委填写/],
    [`/fusion/commitments/${other.id}/${year}`, /承诺由党员本人填写/],
    [`/assess/review/${year}`, /汇总由支部书记填写/],
    ["/meetings/new", /会议记录由支委填写/],
  ];
  for (const [path, line] of screens) {
    await open(page, origin, path);
    assert.match(await page.getByTestId("read-only-note").first().textContent(), line, path);
    assert.deepEqual(await editControls(page), [], `no edit controls on ${path}`);
  }
  // What is private to the committee's phones never reached this one:
  // the 党费 ledger (incomes, bases) and the 发展党员 paths.
  assert.deepEqual(await storedOfKind(page, "dues/"), []);
  assert.deepEqual(await storedOfKind(page, "applicant/"), []);
  assert.deepEqual(await storedOfKind(page, "talk/"), [], "talks travel only in full backups");
  await open(page, origin, "/mine/development");
  await page.getByText("还没有入党申请人。").waitFor();
  // The roster's names still show.
  await open(page, origin, "/mine/roster");
  assert.ok(await page.locator(".member-list .member-name").count() > 10, "the roster reads");
  // The 重点任务 list offers no 新增任务; the fusion page still opens.
  await open(page, origin, "/fusion");
  await page.getByTestId("task-list").waitFor();
  assert.equal(await page.getByRole("button", { name: "＋ 新增任务" }).count(), 0);

  // Their own 承诺 is theirs to keep.
  await open(page, origin, `/fusion/commitments/${wu.id}/${year}`);
  assert.equal(await page.getByTestId("read-only-note").count(), 0);
  assert.ok((await editControls(page)).includes("＋ 一项承诺"));

  // A planned meeting: no "先点全部出席" (it is for whoever marks attendance).
  const planned = (await storedOfKind(page, "meeting/")).find((m) => m.state !== "held" && !m.attendance?.length);
  assert.ok(planned, "the package carries a planned meeting nobody was marked in");
  await open(page, origin, `/meetings/${planned.id}?s=attendance`);
  await page.locator(".attendance-row").first().waitFor();
  assert.equal(await page.getByText("先点“全部出席”").count(), 0);
  // …which the secretary's phone shows.
  await open(secretary.page, origin, `/meetings/${planned.id}?s=attendance`);
  await secretary.page.getByText("先点“全部出席”").waitFor();

  // The secretary's phone edits all of it.
  for (const path of ["/mine/roster", "/mine/templates", `/fusion/tasks/${task.id}`, `/assess/review/${year}`]) {
    await open(secretary.page, origin, path);
    assert.equal(await secretary.page.getByTestId("read-only-note").count(), 0, path);
    assert.ok((await editControls(secretary.page)).length > 0, `the secretary edits ${path}`);
  }

  for (const p of [secretary, member]) assert.deepEqual(p.problems, []);
  await close();
});

test("a 党小组长 keeps their own group's month and reads the other groups'", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { token } = await secretarysPackage(a, origin);
  // 杨帆 leads 第三党小组 (g3) in the example branch.
  const { page, problems } = await joinByLink(b, origin, token, "杨帆");
  const now = new Date();
  const month = `${now.getFullYear()}/${now.getMonth() + 1}`;
  await page.getByTestId("my-work").getByRole("link", { name: /第三党小组\d+月工作/ }).click();
  await pageShown(page);
  assert.ok(page.url().endsWith(`/fusion/groups/g3/${month}`), page.url());
  assert.equal(await page.getByTestId("read-only-note").count(), 0);
  assert.ok((await editControls(page)).length > 0, "the leader edits their group's month");

  await open(page, origin, `/fusion/groups/g1/${month}`);
  assert.match(await page.getByTestId("read-only-note").textContent(), /党小组月度工作由党小组长填写/);
  assert.deepEqual(await editControls(page), [], "another group's month reads only");
  assert.deepEqual(problems, []);
  await Promise.all([a.close(), b.close()]);
});

test("the secretary fills in a member's 自评 on their own phone and the phone stays theirs", async () => {
  const context = await env.browser.newContext(PHONE);
  const origin = env.server.origin;
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();

  // Nobody chosen: 我的 begins with its rows, the phone's question one line below them.
  await open(page, origin, "/mine");
  const card = page.getByTestId("this-phone");
  assert.equal(await card.evaluate((c) => c.tagName === "DETAILS" && !c.open), true, "collapsed");
  const [rows, ask] = await Promise.all([page.locator("nav.menu").first().boundingBox(), card.boundingBox()]);
  assert.ok(ask.y > rows.y + rows.height, "below the rows");
  const line = await card.locator("summary").boundingBox();
  assert.ok(line.height <= 48 && ask.height < 100, `one line: ${line.height} px in a ${ask.height} px card`);
  assert.match(await card.locator("summary").textContent(), /这台手机是谁的？\s*选择/);

  await choosePhoneOwner(page, origin, "王建国");
  // The 填写人 follows the 使用人 until another is chosen.
  await open(page, origin, "/assess");
  assert.equal((await page.locator("select[name=me] option:checked").textContent()).trim(), "王建国");
  await page.selectOption("select[name=me]", { label: "吴昊" });
  await settled(page);
  await page.getByRole("button", { name: /开始填写|打开/ }).first().click();
  await page.waitForSelector(".standard");
  await page.locator(".standard").first().getByRole("button", { name: "好", exact: true }).click();
  await settled(page);

  await new App(page).reload();
  await open(page, origin, "/assess");
  assert.equal((await page.locator("select[name=me] option:checked").textContent()).trim(), "吴昊");
  await open(page, origin, "/mine");
  assert.match(await page.getByTestId("this-phone-job").textContent(), /王建国是支委/);
  assert.equal((await page.locator("select[name=phone-owner] option:checked").textContent()).trim(), "王建国");
  await open(page, origin, "/");
  assert.equal(await page.getByTestId("my-work").count(), 0, "the secretary's phone still runs the branch");
  const forms = await storedOfKind(page, "assessment/");
  const members = (await storedOfKind(page, "members"))[0];
  const wu = members.find((m) => m.name === "吴昊");
  assert.ok(forms.some((f) => f.member_id === wu.id), "吴昊's form was filled on the secretary's phone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a member's phone the study pages, the 学时, setup and other members' 自评 read only; no empty card on a task; an empty date says 未填", async () => {
  const origin = env.server.origin;
  const { secretary, member, close } = await secretaryAndWu();
  const page = member.page;
  const year = new Date().getFullYear();
  const members = (await storedOfKind(page, "members"))[0];
  const other = members.find((m) => m.name === "刘洋");
  const study = (await storedOfKind(page, "study/"))[0];
  assert.ok(study, "the package carries the branch's study");
  const task = (await storedOfKind(page, "task/"))[0];

  for (const [path, line] of [
    [`/fusion/study/${study.id}`, /学习记录和学时由支委填写/],
    [`/fusion/hours/${year}`, /学习记录和学时由支委填写/],
    ["/mine/setup", /支部信息与规则由支部书记填写/],
    ["/mine/setup?step=2", /支部信息与规则由支部书记填写/],
  ]) {
    await open(page, origin, path);
    assert.match(await page.getByTestId("read-only-note").first().textContent(), line, path);
    // Setup also offers to undo this phone's own last import (the join).
    const undo = ["撤销，恢复原数据", "不需要了"];
    assert.deepEqual((await editControls(page)).filter((c) => !undo.includes(c)), [], `no edit controls on ${path}`);
  }
  // The fusion page lists the study and adds none.
  await open(page, origin, "/fusion");
  await page.getByTestId("study").locator(".meeting-row").first().waitFor();
  assert.equal(await page.getByRole("button", { name: "＋ 每月一讲" }).count(), 0);

  // A 重点任务 shows no card whose only button is hidden.
  await open(page, origin, `/fusion/tasks/${task.id}`);
  await page.getByTestId("read-only-note").waitFor();
  assert.equal(await page.locator("main .card.actions").count(), 0, "no empty actions card");

  // The 填写人 is the phone's owner: another member's 自评 is not offered,
  // even when this phone once chose them.
  await page.evaluate((id) => localStorage.setItem("zhibu.form-filler", id), other.id);
  await open(page, origin, "/assess");
  const names = (await page.locator("select[name=me] option").allTextContents()).map((t) => t.trim());
  assert.deepEqual(names.filter((n) => n !== "请选择本人"), ["吴昊"]);
  assert.equal((await page.locator("select[name=me] option:checked").textContent()).trim(), "吴昊");

  // An empty date on a read-only screen says 未填, not the browser's 年/月/日.
  const empty = [];
  let unset = 0;
  // A held meeting with someone away and no 补学 yet: its 补学日期 box is empty.
  const noMakeUp = ["committee_meeting", "organizational_life", "democratic_review"];
  const owing = (await storedOfKind(page, "meeting/")).find((m) =>
    m.state === "held" && !noMakeUp.includes(m.kind.type) &&
    m.attendance.some((a) => a.status !== "present" && !a.makeup));
  assert.ok(owing, "the package carries a meeting with a 补学 to do");
  for (const path of [`/mine/roster/${other.id}`, "/mine/handover", `/fusion/study/${study.id}`, `/fusion/tasks/${task.id}`, `/meetings/${owing.id}?s=attendance`]) {
    await open(page, origin, path);
    const found = await page.locator("main").evaluate((main) => ({
      empty: [...main.querySelectorAll("input[type=date]")].filter((i) => !i.value && i.checkVisibility()).map((i) => i.name),
      unset: [...main.querySelectorAll("input")].filter((i) => i.value === "未填").length,
    }));
    empty.push(...found.empty.map((n) => `${path} ${n}`));
    unset += found.unset;
  }
  assert.deepEqual(empty, [], "no empty date field");
  assert.ok(unset > 0, "the empty dates say 未填");

  // The secretary's phone still edits the study and fills in anyone's 自评.
  await open(secretary.page, origin, `/fusion/study/${study.id}`);
  assert.equal(await secretary.page.getByTestId("read-only-note").count(), 0);
  assert.ok((await editControls(secretary.page)).length > 0);
  await open(secretary.page, origin, "/assess");
  assert.ok(await secretary.page.locator("select[name=me] option").count() > 10, "every member");

  for (const p of [secretary, member]) assert.deepEqual(p.problems, []);
  await close();
});
