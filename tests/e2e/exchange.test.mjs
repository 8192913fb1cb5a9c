// A branch on three phones with a chat as the only channel: the secretary
// sends the 支部资料包 as a transfer text (a year of records is too long for
// a link), two members who never opened the app join from it, fill in their self-assessments and send
// them back, one as a text and one as a link; the secretary sees who
// handed in. Then the app served under a folder, as a project
// site is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, WECHAT_PHONE, startServer, settled, pageShown, storedRecords, offlineOnceCached } from "./support.mjs";

const env = useBrowser();
const beijing = new Date(Date.now() + 8 * 3600 * 1000);
const year = beijing.getUTCMonth() < 2 ? beijing.getUTCFullYear() - 1 : beijing.getUTCFullYear();

/** Makes a transfer text (and link) of `scope` on the backup page. */
async function transferText(page, origin, scope, password = "") {
  await page.goto(origin + "/mine/backup");
  const send = page.getByTestId("send-panel");
  await send.getByText(scope, { exact: true }).click();
  if (password) await send.locator("input[name=export-password]").fill(password);
  await send.getByRole("button", { name: /生成传输文字/ }).click();
  const text = await send.locator("textarea[name=transfer-text]").inputValue();
  // It begins with the app's address (the link itself when it fits), so a
  // member who never opened the app can find it.
  assert.ok(text.startsWith(origin + "/"), text.slice(0, 80));
  assert.match(text, /【支部工作手册·/);
  assert.match(text, /ZB1/);
  return text;
}

async function pasteAndCheck(page, origin, text) {
  await page.goto(origin + "/mine/backup");
  await page.fill("textarea[name=backup-paste]", text);
  await page.getByRole("button", { name: "检查" }).click();
}

/** A phone that never opened the app: the member pastes the chat text on
 * the welcome screen, takes the package and says who they are. */
async function joinFromText(page, text, name) {
  await page.getByTestId("welcome-paste").click();
  await page.fill("textarea[name=join-paste]", text);
  await page.getByRole("button", { name: "检查" }).click();
  await page.getByTestId("arrival-headline").getByText("示例单位第一党支部").waitFor();
  await page.getByRole("button", { name: "加入这个支部" }).click();
  await page.getByTestId("who-am-i").getByRole("button", { name, exact: true }).click();
  await page.getByTestId("this-month").waitFor();
}

async function fillOwnForm(page, origin, name, words) {
  await page.goto(origin + "/assess");
  await page.selectOption("select[name=me]", { label: name });
  await page.getByRole("button", { name: /开始填写|打开/ }).first().click();
  await page.waitForSelector(".standard");
  const first = page.locator(".standard").first();
  await first.getByRole("button", { name: "好", exact: true }).click();
  await first.locator("textarea").first().fill(words);
  await first.locator("textarea").first().blur();
  await page.getByRole("button", { name: "完成" }).click();
  await page.getByText(/已于 .* 完成/).waitFor();
}

test("a package travels by chat text and by link, members return their forms, the secretary sees who handed in", async () => {
  const origin = env.server.origin;
  const phones = await Promise.all([0, 1, 2].map(() => env.browser.newContext(PHONE)));
  const [secretary, first, second] = await Promise.all(phones.map((c) => openApp(c, origin)));
  await new App(secretary.page).loadExample();
  const text = await transferText(secretary.page, origin, "支部资料包");
  // The chat wraps the message in its own lines.
  const pasted = `王建国 12:01\n${text}\n\n[收到请回复]`;

  // The first member's phone never opened the app: the text's first line
  // is the app's address, and its welcome screen takes the pasted text.
  await joinFromText(first.page, pasted, "吴昊");
  await first.page.getByTestId("this-month").getByText("下一次会议").waitFor();

  // A year of the branch's records is more than a link carries: the page
  // says so, and the second member pastes the text too.
  const link = await secretary.page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "复制链接");
    return button ? "present" : "absent";
  });
  assert.equal(link, "absent", "a year's 支部资料包 is too long for a link");
  await secretary.page.getByText("内容太多，无法做成链接").waitFor();
  await joinFromText(second.page, pasted, "刘洋");

  // Each fills in a self-assessment and sends it back: the first as text,
  // the second as a link, which a return is short enough for.
  await fillOwnForm(first.page, origin, "吴昊", "牵头完成客户服务流程优化。");
  await fillOwnForm(second.page, origin, "刘洋", "认真学习党的创新理论。");
  await settled(first.page);
  await pasteAndCheck(secretary.page, origin, await transferText(first.page, origin, "交给书记的材料"));
  await secretary.page.getByText(/交给书记的材料来自“吴昊/).waitFor();
  await secretary.page.getByRole("button", { name: "确认合并" }).click();
  await secretary.page.getByText(/已导入并合并 \d+ 条记录/).waitFor();
  await settled(second.page);
  const back = await transferText(second.page, origin, "交给书记的材料");
  assert.ok(await second.page.getByRole("button", { name: "复制链接" }).isVisible(), "a return fits a link");
  const backLink = back.split("\n")[0];
  assert.match(backLink, /#zb=ZB1/, "a return short enough for a link begins with it");
  await secretary.page.goto(backLink);
  await secretary.page.getByTestId("merge-review").waitFor();
  assert.ok(!secretary.page.url().includes("#zb="), "the token leaves the address");
  await secretary.page.getByText(/交给书记的材料来自“刘洋/).waitFor();
  await secretary.page.getByRole("button", { name: "确认合并" }).click();
  await secretary.page.getByText(/已导入并合并 \d+ 条记录/).waitFor();
  await secretary.page.goto(`${origin}/assess/review/${year}`);
  const handIn = secretary.page.getByTestId("hand-in");
  await handIn.getByText(/已交 2 \/ 应交 \d+/).waitFor();
  const liu = secretary.page.locator(".review-row", { hasText: "刘洋" });
  await liu.locator(".written-text summary").click();
  await liu.getByText(/认真学习党的创新理论/).waitFor();
  for (const phone of [secretary, first, second]) assert.deepEqual(phone.problems, []);
  await Promise.all(phones.map((c) => c.close()));
});

test("the same meeting recorded on two phones keeps both phones' marks", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const secretary = await openApp(a, origin);
  const recorder = await openApp(b, origin);
  await new App(secretary.page).loadExample();
  await new App(recorder.page).startFresh();
  await pasteAndCheck(recorder.page, origin, await transferText(secretary.page, origin, "完整备份"));
  await recorder.page.getByRole("button", { name: "导入", exact: true }).click();
  await recorder.page.getByText(/已导入并合并/).waitFor();
  const mark = async (page, nth, presence) => {
    await page.goto(origin + "/meetings/mt-ex-3?s=attendance");
    await page.locator(".attendance-row").nth(nth).getByRole("button", { name: presence }).click();
    await settled(page);
  };
  await mark(secretary.page, 0, "出席");
  await mark(recorder.page, 1, "请假");
  await mark(recorder.page, 2, "出席");
  await pasteAndCheck(secretary.page, origin, await transferText(recorder.page, origin, "完整备份"));
  await secretary.page.getByTestId("merge-summary").getByText(/逐项合并 1 条/).waitFor();
  assert.equal(await secretary.page.locator(".conflict").count(), 0);
  await secretary.page.getByRole("button", { name: "确认合并" }).click();
  await secretary.page.getByText(/已导入并合并/).waitFor();
  await secretary.page.goto(origin + "/meetings/mt-ex-3?s=attendance");
  await secretary.page.locator(".attendance-row").first().waitFor();
  assert.equal(await secretary.page.locator(".presence.on").count(), 3);
  assert.deepEqual(secretary.problems, []);
  assert.deepEqual(recorder.problems, []);
  await a.close();
  await b.close();
});

/** Two phones: the sender's with the example makes a 完整备份 text locked
 * with 支部2026, which a new phone's 导入与合并 has read and asks to unlock. */
async function lockedTextPasted() {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const sender = await openApp(a, origin);
  const receiver = await openApp(b, origin);
  await new App(sender.page).loadExample();
  const text = await transferText(sender.page, origin, "完整备份", "支部2026");
  await new App(receiver.page).startFresh();
  await pasteAndCheck(receiver.page, origin, text);
  return { sender, receiver, text, close: () => Promise.all([a.close(), b.close()]) };
}

test("a password-protected transfer text needs the same password, and a wrong one says so", async () => {
  const origin = env.server.origin;
  const { sender, receiver, text, close } = await lockedTextPasted();
  assert.match(text, /已设密码/);
  await receiver.page.locator("input[name=import-password]").fill("错的密码");
  await receiver.page.getByRole("button", { name: "解锁" }).click();
  await receiver.page.getByText("密码不对，或内容被改动过。").waitFor();
  await receiver.page.locator("input[name=import-password]").fill("支部2026");
  await receiver.page.getByRole("button", { name: "解锁" }).click();
  await receiver.page.getByRole("button", { name: "导入", exact: true }).click();
  await receiver.page.getByText(/已导入并合并 \d+ 条记录/).waitFor();
  // A text cut short by a chat is refused, nothing imported.
  await pasteAndCheck(receiver.page, origin, text.slice(0, text.length - 30));
  await receiver.page.getByText(/传输内容不完整或被改动过/).waitFor();
  assert.deepEqual(sender.problems, []);
  assert.deepEqual(receiver.problems, []);
  await close();
});

/** Whether `locator` is whole inside the 360×740 viewport. */
async function inView(locator) {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= PHONE.viewport.height;
}

test("results show where the eye is: 密码不对 beside 解锁, 已导入并合并 where the review was, gone once seen", async () => {
  const { sender, receiver, text, close } = await lockedTextPasted();
  const page = receiver.page;
  await page.locator("input[name=import-password]").fill("错的密码");
  const unlock = page.getByRole("button", { name: "解锁" });
  await unlock.click();
  const wrong = page.getByText("密码不对，或内容被改动过。");
  await wrong.waitFor();
  assert.ok(await inView(wrong), "密码不对 is on screen");
  const [said, button] = [await wrong.boundingBox(), await unlock.boundingBox()];
  assert.ok(said.y >= button.y + button.height && said.y - (button.y + button.height) < 60,
    `beside 解锁: ${JSON.stringify({ said, button })}`);

  await page.locator("input[name=import-password]").fill("支部2026");
  await unlock.click();
  await page.getByRole("button", { name: "导入", exact: true }).click();
  const done = page.getByTestId("receive-panel").getByText(/已导入并合并 \d+ 条记录/);
  await done.waitFor();
  assert.ok(await inView(done), "已导入并合并 is on screen");
  // Once seen, it goes away on its own.
  await done.waitFor({ state: "detached", timeout: 15000 });
  assert.deepEqual(sender.problems, []);
  assert.deepEqual(receiver.problems, []);
  await close();
});

test("inside WeChat the app says once where its data lives", async () => {
  const context = await env.browser.newContext(WECHAT_PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const note = page.getByTestId("in-app-note");
  await note.getByText(/你正在微信里打开支部工作手册/).waitFor();
  await note.getByRole("button", { name: "知道了" }).click();
  await new App(page).reload();
  await page.waitForTimeout(300);
  assert.equal(await note.count(), 0, "said once");
  assert.deepEqual(problems, []);
  await context.close();
});

test("served under /zhibu/: links, deep links, print views and an offline reload all work", async () => {
  const server = await startServer("/zhibu");
  try {
    const context = await env.browser.newContext(PHONE);
    const { page, problems } = await openApp(context, server.origin + "/");
    const app = new App(page);
    await app.loadExample();
    await app.tab("会议");
    assert.match(page.url(), /\/zhibu\/meetings$/);
    // Last month's 支部党员大会, found by its theme as a member would.
    const theme = (await storedRecords(page))["meeting/mt-ex-1"].theme;
    await page.locator(".meeting-row", { hasText: theme }).first().click();
    await pageShown(page);
    assert.match(page.url(), /\/zhibu\/meetings\/mt-ex-1/);
    await page.getByRole("link", { name: "打印会议记录" }).click();
    await page.getByText("党支部工作记录").first().waitFor();
    assert.match(page.url(), /\/zhibu\/print\/meeting\/mt-ex-1$/);
    // A deep link opened fresh.
    await page.goto(server.origin + "/meetings/mt-ex-1?s=attendance");
    await page.locator(".attendance-row").first().waitFor();
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector("link[rel=manifest]").href)).json());
    assert.equal(manifest.start_url, "./");
    assert.ok(manifest.icons.some((i) => i.sizes === "512x512" && i.type === "image/png"));
    // Offline: the service worker under /zhibu/ opens a deep link.
    await offlineOnceCached(page);
    await page.goto(server.origin + "/assess");
    await page.locator(".tab-bar").waitFor();
    await app.tab("首页");
    await page.getByRole("heading", { name: "示例单位第一党支部" }).waitFor();
    await context.setOffline(false);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});
