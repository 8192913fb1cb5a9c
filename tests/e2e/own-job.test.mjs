// Each person sees their own job (#28 item 3): the phone remembers the
// roster name picked when it joined, and the roster says what that person
// does. A member's phone begins with their own work and offers none of the
// committee's (安排会议, 签到, the record, 支部评诺, the 汇总), yet every
// screen still opens, read only, and 我的 says how to see everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, settled, pageShown, storedOfKind } from "./support.mjs";

const env = useBrowser();

/** The secretary's phone with the example branch, as 王建国 (书记), and a
 * link to its 支部资料包. */
async function secretarysLink(context, origin) {
  const secretary = await openApp(context, origin);
  await new App(secretary.page).loadExample();
  await secretary.page.goto(origin + "/assess");
  await secretary.page.selectOption("select[name=me]", { label: "王建国" });
  await settled(secretary.page);
  await secretary.page.goto(origin + "/mine/backup");
  const send = secretary.page.getByTestId("send-panel");
  await send.getByText("支部资料包", { exact: true }).click();
  await send.getByRole("button", { name: /生成传输文字/ }).click();
  const text = await send.locator("textarea[name=transfer-text]").inputValue();
  return { secretary, token: text.slice(text.indexOf("ZB1")).split(/\s/)[0] };
}

/** Whether a meeting's 签到 offers a tap that marks someone. */
async function attendanceTaps(page, origin, id) {
  await page.goto(`${origin}/meetings/${id}?s=attendance`);
  await pageShown(page);
  await page.locator(".attendance-row").first().waitFor();
  return page.locator(".attendance-row button.presence:visible:enabled").count();
}

test("a member who joined from the 支部资料包 link sees their own work first and the meetings read only; the secretary's phone still sees everything", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysLink(a, origin);

  const member = await openApp(b, origin, `/#zb=${token}`);
  const page = member.page;
  await page.getByRole("button", { name: "加入这个支部" }).click();
  await page.getByTestId("who-am-i").getByRole("button", { name: "吴昊", exact: true }).click();

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
