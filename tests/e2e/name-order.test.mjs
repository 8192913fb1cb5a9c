// Names in the branch's order (issue #28 item 5): 姓氏笔画 by default, on
// the 签到 list, the 签到表 and the roster, 拼音 or the secretary's own
// order when chosen on the roster; never by the characters' code points.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, pageShown, settled } from "./support.mjs";

const env = useBrowser();

// 丁 2 strokes, 王 4, 刘 6, 吴 7 (竖 first), 何 7 (撇 first), 周 8.
const BY_STROKES = ["丁一", "王芳", "刘洋", "吴昊", "何平", "周敏"];
const BY_PINYIN = ["丁一", "何平", "刘洋", "王芳", "吴昊", "周敏"];
const PASTED = ["周敏", "何平", "刘洋", "吴昊", "王芳", "丁一"];

/** The names as `text` shows them, in the order they first appear. */
function inOrder(text) {
  return BY_STROKES.map((n) => [text.indexOf(n), n])
    .filter(([at]) => at >= 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, n]) => n);
}

test("the 签到 list, the 签到表 and the roster list names by 姓氏笔画, and by 拼音 or the secretary's own order once chosen", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await page.getByRole("button", { name: "开始使用", exact: true }).click();
  await page.fill("input[name=setup-branch-name]", "测试第五党支部");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.fill("textarea[name=setup-names]", PASTED.join("、"));
  await page.getByRole("button", { name: "确认添加 6 名党员" }).click();
  await page.getByText("第 3 步，共 4 步").waitFor();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "先看看首页" }).click();

  await page.goto(env.server.origin + "/meetings/new");
  await pageShown(page);
  await page.getByRole("button", { name: "创建并打开" }).click();
  await page.waitForURL(/\/meetings\/mt/);
  await pageShown(page);
  const meeting = page.url();
  const id = meeting.split("/").pop();
  const signInList = async () => {
    await page.getByRole("tab", { name: "签到" }).click();
    const names = await page.locator(".attendance-row .member-name").allTextContents();
    return names.map((n) => n.trim());
  };
  assert.deepEqual(await signInList(), BY_STROKES);

  await page.goto(`${env.server.origin}/print/sign-in/${id}`);
  await pageShown(page);
  await page.locator(".paper").first().waitFor();
  assert.deepEqual(inOrder(await page.locator(".paper").first().textContent()), BY_STROKES);

  const app = new App(page);
  await app.openMine("党员名册");
  assert.deepEqual(await app.rosterNames(), BY_STROKES);
  const choice = page.getByTestId("name-order");
  await choice.getByText("拼音", { exact: true }).click();
  assert.deepEqual(await app.rosterNames(), BY_PINYIN);
  await settled(page);

  await page.goto(meeting);
  await pageShown(page);
  assert.deepEqual(await signInList(), BY_PINYIN);
  await page.goto(`${env.server.origin}/print/sign-in/${id}`);
  await pageShown(page);
  await page.locator(".paper").first().waitFor();
  assert.deepEqual(inOrder(await page.locator(".paper").first().textContent()), BY_PINYIN);

  // 自定义顺序: the pasted order, and a name moved with one tap.
  await app.openMine("党员名册");
  await choice.getByText("自定义顺序", { exact: true }).click();
  assert.deepEqual(await app.rosterNames(), PASTED);
  await page.getByRole("button", { name: "丁一 上移" }).click();
  const moved = ["周敏", "何平", "刘洋", "吴昊", "丁一", "王芳"];
  assert.deepEqual(await app.rosterNames(), moved);
  const up = await page.getByRole("button", { name: "丁一 上移" }).boundingBox();
  assert.ok(up.width >= 44 && up.height >= 44, `the ↑ button is ${up.width}×${up.height}`);
  await app.reload();
  assert.deepEqual(await app.rosterNames(), moved);
  await page.goto(meeting);
  await pageShown(page);
  assert.deepEqual(await signInList(), moved);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in the secretary's own order the 签到 list is one list in that order, not split by 党小组", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await page.goto(`${env.server.origin}/meetings/mt-ex-3?s=attendance`);
  await page.locator(".attendance-row").first().waitFor();
  assert.ok(await page.locator(".attendance-list .list-heading").count() > 1, "by 党小组 in 姓氏笔画 order");
  await app.openMine("党员名册");
  await page.getByTestId("name-order").getByText("自定义顺序", { exact: true }).click();
  const roster = await app.rosterNames();
  await settled(page);
  await page.goto(`${env.server.origin}/meetings/mt-ex-3?s=attendance`);
  await page.locator(".attendance-row").first().waitFor();
  assert.equal(await page.locator(".attendance-list .list-heading").count(), 0, "no 党小组 headings");
  // A row's name carries its 预备 badge.
  const names = (await page.locator(".attendance-row .member-name").allTextContents())
    .map((n) => n.trim().replace(/预备$/, ""));
  assert.deepEqual(names, roster.filter((n) => names.includes(n)));
  assert.deepEqual(problems, []);
  await context.close();
});
