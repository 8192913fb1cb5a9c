// The way most members meet the app: a phone that never opened it, and the
// secretary's 支部资料包 arriving in the chat as a link or as a text. What
// arrived is on screen before anything else, one tap takes it, one tap says
// who the member is; no setup steps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, WECHAT_PHONE, settled, secretarysPackage, offlineOnceCached } from "./support.mjs";

const env = useBrowser();

const HEADLINE = /^王建国发来「示例单位第一党支部」的支部资料包：\d+ 名党员、\d+ 次会议、\d+ 个党小组。$/;

/** Waits for the package's review and checks that it says what came. */
async function reviewShown(page) {
  const headline = page.getByTestId("arrival-headline");
  await headline.waitFor();
  assert.match((await headline.textContent()).trim(), HEADLINE);
}

/** Joins from the review as someone not on the roster (名单上没有我). */
async function joinUnlisted(page) {
  await page.getByRole("button", { name: "加入这个支部" }).click();
  await page.getByRole("button", { name: "名单上没有我，先不选" }).click();
  await page.getByTestId("this-month").waitFor();
}

test("a member who never opened the app taps the secretary's link and is in the branch, as themselves, in two taps", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysPackage(a, origin);

  // When the review is on screen: the code fetched after it (the store's,
  // the taking's and the screens' a member goes on to) did not hold it up.
  await b.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-testid=arrival-headline]")) {
        window.__reviewAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const member = await openApp(b, origin, `/#zb=${token}`);
  await reviewShown(member.page);
  assert.equal(await member.page.locator(".first-run").count(), 0, "no welcome screen before the package");
  assert.ok(!member.page.url().includes("#zb="), "the token leaves the address");
  const before = await member.page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime < window.__reviewAt)
      .map((e) => new URL(e.name).pathname.split("/").pop())
      .filter((n) => n.endsWith(".wasm")));
  assert.ok(!before.some((n) => /^split_(screens|open_records|take_package)/.test(n)),
    `the package is shown without the store's code, the taking's or the screens' (fetched before it: ${before.join(", ")})`);

  await member.page.getByRole("button", { name: "加入这个支部" }).click();
  await member.page.getByTestId("who-am-i").waitFor();
  // "你是谁" lists the names as the secretary's roster does (姓氏笔画).
  const grid = (await member.page.getByTestId("who-am-i").locator(".name-grid .button").allTextContents())
    .map((n) => n.trim());
  await secretary.page.goto(origin + "/mine/roster");
  await secretary.page.locator(".member-list .member-name").first().waitFor();
  const roster = await new App(secretary.page).rosterNames();
  assert.deepEqual(grid, roster.slice(0, grid.length));
  await member.page.getByTestId("who-am-i").getByRole("button", { name: "吴昊", exact: true }).click();
  await member.page.getByTestId("this-month").waitFor();

  // After a reload the branch is still there, and the phone knows its member.
  await member.page.reload();
  await member.page.getByTestId("this-month").waitFor();
  await member.page.goto(origin + "/assess");
  const me = await member.page.locator("select[name=me] option:checked").textContent();
  assert.equal(me.trim(), "吴昊");
  await member.page.goto(origin + "/mine/branch");
  assert.equal(await member.page.locator("input[name=branch-name]").inputValue(), "示例单位第一党支部");

  for (const phone of [secretary, member]) assert.deepEqual(phone.problems, []);
  await Promise.all([a.close(), b.close()]);
});

/** Holds back the code file matching `file` in `context`, as on a slow
 * network, until the function it returns is called. */
async function holdCode(context, file) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route(file, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const STORE_CODE = /split_open_records_[^/]*\.wasm$/;
const TAKE_CODE = /split_take_package_[^/]*\.wasm$/;

/** The secretary's link opened on a new phone with the code `file` held
 * back; returns once the package's review is on screen. */
async function openLinkHolding(file) {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { token } = await secretarysPackage(a, origin);
  const release = await holdCode(b, file);
  const member = await openApp(b, origin, `/#zb=${token}`);
  await member.page.getByTestId("arrival-headline").waitFor();
  return { member, release, close: () => Promise.all([a.close(), b.close()]) };
}

/** Lets the held code come, waits until 加入这个支部 is offered, and taps it. */
async function releaseAndJoin(member, release) {
  release();
  await member.page.getByTestId("store-opening").waitFor({ state: "detached" });
  await member.page.getByRole("button", { name: "加入这个支部" }).click();
}

test("a link shows its package's review before the store's code has arrived, and takes it once the store is open", async () => {
  const { member, release, close } = await openLinkHolding(STORE_CODE);
  await reviewShown(member.page);
  const join = member.page.getByRole("button", { name: "加入这个支部" });
  assert.ok(await join.isDisabled(), "taking waits for the store");
  await member.page.getByTestId("store-opening").waitFor();

  await releaseAndJoin(member, release);
  await member.page.getByTestId("who-am-i").getByRole("button", { name: "吴昊", exact: true }).click();
  await member.page.getByTestId("this-month").waitFor();
  await member.page.reload();
  await member.page.getByTestId("this-month").waitFor();
  assert.deepEqual(member.problems, []);
  await close();
});

test("加入这个支部 waits for the code that takes the package as well as the store, so a tap never waits on the network", async () => {
  const { member, release, close } = await openLinkHolding(TAKE_CODE);
  // The store opens meanwhile; the taking code is still on its way.
  await member.page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((e) => /split_open_records_/.test(e.name) && e.responseEnd > 0));
  await settled(member.page);
  const join = member.page.getByRole("button", { name: "加入这个支部" });
  assert.ok(await join.isDisabled(), "taking waits for its code");
  await member.page.getByTestId("store-opening").waitFor();

  await releaseAndJoin(member, release);
  await member.page.getByTestId("who-am-i").waitFor();
  assert.deepEqual(member.problems, []);
  await close();
});

test("先随便看看 before the store has opened waits for it, then shows the welcome screen of a phone with nothing taken", async () => {
  const { member, release, close } = await openLinkHolding(STORE_CODE);
  await member.page.getByRole("button", { name: "先随便看看" }).click();
  await member.page.getByText("正在读取本机数据…").waitFor();
  release();
  // Nothing was taken: the phone has no branch yet, so it welcomes.
  await member.page.locator(".first-run").waitFor();
  assert.deepEqual(member.problems, []);
  await close();
});

test("a member who received the text rather than a link pastes it on the welcome screen", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, text } = await secretarysPackage(a, origin);

  const member = await openApp(b, origin);
  await member.page.getByTestId("welcome-paste").click();
  // The chat wraps the message in its own lines.
  await member.page.fill("textarea[name=join-paste]", `王建国 12:01\n${text}\n\n[收到请回复]`);
  await member.page.getByRole("button", { name: "检查" }).click();
  await reviewShown(member.page);
  await joinUnlisted(member.page);
  await member.page.reload();
  await member.page.getByTestId("this-month").waitFor();

  for (const phone of [secretary, member]) assert.deepEqual(phone.problems, []);
  await Promise.all([a.close(), b.close()]);
});

test("a garbled link on a new phone says what to do and leaves the phone as it was", async () => {
  const origin = env.server.origin;
  const b = await env.browser.newContext(PHONE);
  const member = await openApp(b, origin, "/#zb=ZB1broken");
  await member.page.getByText("这段资料无法读取，本机没有任何改动。").waitFor();
  await member.page.getByRole("button", { name: "重新粘贴" }).click();
  await member.page.locator("textarea[name=join-paste]").waitFor();
  await member.page.getByRole("button", { name: "返回" }).click();
  await member.page.locator(".first-run").waitFor();
  assert.deepEqual(member.problems, []);
  await b.close();
});

test("a link with a password on a new phone asks for it, says when it is wrong, and opens with the right one", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysPackage(a, origin, "支部2026");

  const member = await openApp(b, origin, `/#zb=${token}`);
  const password = member.page.locator("input[name=join-password]");
  await password.waitFor();
  // Joining is one question at a time: the tabs lead nowhere yet.
  assert.equal(await member.page.locator(".tab-bar").count(), 0, "no tab bar while joining");
  await password.fill("错的密码");
  await member.page.getByRole("button", { name: "解锁" }).click();
  await member.page.getByText("密码不对，或内容被改动过。").waitFor();
  await password.fill("支部2026");
  await password.press("Enter");
  await reviewShown(member.page);
  await joinUnlisted(member.page);
  await member.page.locator(".tab-bar").waitFor();

  for (const phone of [secretary, member]) assert.deepEqual(phone.problems, []);
  await Promise.all([a.close(), b.close()]);
});

test("inside WeChat, with no network, a member whose phone opened the page once joins from the link", async () => {
  const origin = env.server.origin;
  const a = await env.browser.newContext(PHONE);
  const b = await env.browser.newContext(WECHAT_PHONE);
  const { secretary, token } = await secretarysPackage(a, origin);

  // The member opened the page once (the app is cached), then the network went.
  const member = await openApp(b, origin);
  await offlineOnceCached(member.page);
  // A tap in the chat opens the link as a new page.
  await member.page.goto("about:blank");
  await member.page.goto(`${origin}/#zb=${token}`);
  await reviewShown(member.page);
  await member.page.getByRole("button", { name: "加入这个支部" }).click();
  await member.page.getByTestId("who-am-i").getByRole("button", { name: "吴昊", exact: true }).click();
  await member.page.getByTestId("this-month").waitFor();
  await b.setOffline(false);

  assert.deepEqual(secretary.problems, []);
  assert.deepEqual(member.problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await Promise.all([a.close(), b.close()]);
});

test("the secretary's new phone opens a 完整备份 link and restores the branch, as themselves", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { secretary, token } = await secretarysPackage(a, origin, "", "完整备份");

  const phone = await openApp(b, origin, `/#zb=${token}`);
  const headline = phone.page.getByTestId("arrival-headline");
  await headline.waitFor();
  assert.match((await headline.textContent()).trim(), /^「示例单位第一党支部」的完整备份，王建国的手机导出于 .*：\d+ 名党员/);
  await phone.page.getByRole("button", { name: "恢复到本机" }).click();
  await phone.page.getByTestId("who-am-i").getByRole("button", { name: "王建国", exact: true }).click();
  await phone.page.getByTestId("this-month").waitFor();
  await phone.page.goto(origin + "/meetings");
  await phone.page.locator(".meeting-row").first().waitFor();
  const restored = await phone.page.locator(".meeting-row").count();
  assert.ok(restored > 3, `${restored} meetings on the new phone`);

  for (const p of [secretary, phone]) assert.deepEqual(p.problems, []);
  await Promise.all([a.close(), b.close()]);
});
