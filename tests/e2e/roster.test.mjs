// A member sets up the branch and the roster on a phone; a reload keeps it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE } from "./support.mjs";

const env = useBrowser();

test("first run explains where data lives, then the branch and members survive a reload", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await page.getByText("所有数据只保存在这台设备的浏览器里").waitFor();
  const app = new App(page);
  await app.startFresh();
  await page.fill("input[name=branch-name]", "测试第一党支部");
  await page.fill("input[name=new-group]", "第一党小组");
  await page.getByRole("button", { name: "添加" }).first().click();
  await app.addMember("张三");
  await app.addMember("李四", { probationary: true });
  await app.addMember("王五😀");
  assert.deepEqual((await app.rosterNames()).sort(), ["张三", "李四", "王五😀"].sort());

  await app.reload();
  assert.deepEqual((await app.rosterNames()).sort(), ["张三", "李四", "王五😀"].sort());
  await app.tab("首页");
  await page.getByRole("heading", { name: "测试第一党支部" }).waitFor();
  assert.equal(await page.locator(".stat-value").first().textContent(), "3");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a member named in records can only be recorded as 减少 with a reason, and stays in the roster", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.openMine("党员名册");
  await page.locator(".member-row", { hasText: "王建国" }).click();
  await page.getByText(/出现在 \d+ 份会议、谈话记录或评议材料中，不能删除/).waitFor();
  assert.equal(await page.getByRole("button", { name: /删除/ }).count(), 0);
  await page.selectOption("select[name=reduction]", { label: "去世" });
  await page.getByRole("button", { name: "办理减少" }).click();
  await page.getByRole("button", { name: "恢复在册" }).waitFor();
  await app.reload();
  await page.getByText(/办理减少（去世）/).waitFor();
  await page.getByRole("button", { name: "恢复在册" }).waitFor();
  // Saving the form afterwards keeps the member as left.
  await page.fill("input[name=note]", "转往外地工作");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.waitForSelector(".member-list");
  await page.goto(env.server.origin + "/mine/roster");
  await page.getByText(/已减少党员（转出、出党、去世等）2 人/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a 支部委员 who leads a 党小组 keeps both posts, and a 预备党员 on the committee is warned about", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.openMine("党员名册");
  await page.locator(".member-row", { hasText: "朱婷" }).click();
  await page.getByRole("button", { name: "支部委员", exact: true }).click();
  await page.getByRole("button", { name: "党小组长", exact: true }).click();
  await page.fill("input[name=duty]", "青年委员");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.locator(".member-row", { hasText: "朱婷" }).getByText("青年委员、党小组长").waitFor();
  await page.locator(".member-row", { hasText: "谢欣怡" }).click();
  await page.getByRole("button", { name: "支部委员", exact: true }).click();
  await page.getByText("预备党员没有被选举权").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("dates are China Standard Time whatever zone the phone is set to", async () => {
  // A phone in New York: its local date can be a day behind Beijing's.
  const context = await env.browser.newContext({ ...PHONE, timezoneId: "America/New_York" });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  // New Year's Eve, 8 pm in New York, is already New Year's Day in Beijing.
  await page.clock.setFixedTime(new Date("2026-12-31T20:00:00-05:00"));
  await new App(page).reload();
  assert.equal(await page.locator(".home-header p").first().textContent(), "2027年1月1日");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new branch in four steps: its name, a pasted list of members, its 书记, its first meeting", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await page.getByRole("button", { name: "开始使用", exact: true }).click();
  await page.getByText("第 1 步，共 4 步").waitFor();
  await page.fill("input[name=setup-branch-name]", "测试第二党支部");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByText("第 2 步，共 4 步").waitFor();
  await page.fill("textarea[name=setup-names]", "1. 张三\n2. 李四、王五，赵六\n张三");
  await page.getByText("将添加 4 名党员，请核对：").waitFor();
  await page.getByText("重复的姓名只添加一次：张三").waitFor();
  await page.getByRole("button", { name: "确认添加 4 名党员" }).click();
  await page.locator(".toast", { hasText: "已添加 4 名党员" }).waitFor();
  await page.getByText("第 3 步，共 4 步").waitFor();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByText("第 4 步，共 4 步").waitFor();
  await page.getByRole("button", { name: "安排会议" }).click();
  await page.waitForURL(/\/meetings\/new$/);
  const app = new App(page);
  await app.reload();
  await app.openMine("党员名册");
  assert.deepEqual((await app.rosterNames()).sort(), ["张三", "李四", "王五", "赵六"].sort());
  await app.tab("首页");
  await page.getByRole("heading", { name: "测试第二党支部" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a 360 px phone the roster's count stands on its own line and its two buttons side by side under it", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.openMine("党员名册");
  const count = await page.getByText(/^在册 \d+ 人$/).boundingBox();
  const add = await page.getByRole("link", { name: "＋ 添加党员" }).boundingBox();
  const assign = await page.getByRole("button", { name: "分配党小组" }).boundingBox();
  assert.ok(add.y >= count.y + count.height && assign.y >= count.y + count.height, "both buttons under the count");
  assert.equal(Math.round(add.y), Math.round(assign.y), "the two buttons in one row");
  for (const b of [add, assign]) assert.ok(b.height >= 44 && b.height < 60, `a button ${b.height} px tall: one line`);
  assert.deepEqual(problems, []);
  await context.close();
});
