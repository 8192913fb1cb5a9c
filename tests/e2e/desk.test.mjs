// A desk for the minutes (issue #28 item 14): at a PC's width the meeting's
// record sits beside who came and the checklist, and the app is worked with
// a keyboard; on a phone the meeting screen stays one section at a time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, DESKTOP, WECHAT_DESKTOP, PHONE, pageShown, settled, storedRecords } from "./support.mjs";

const env = useBrowser();

const MINUTES = "书记传达了上级党委关于加强基层组织建设的部署，与会党员结合岗位逐一发言，会议研究了下一步工作安排。";

/** The example's first meeting, opened on its 记录 tab. */
async function openRecord(context) {
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(env.server.origin + "/meetings/mt-ex-1?s=record");
  await pageShown(page);
  await page.locator("textarea[name=minutes]").waitFor();
  return { page, problems };
}

/** Where the focus is: which column of the desk, its place on the page,
 * and whether it shows a focus ring. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el.closest(".segmented label, .file-button") || el);
  return {
    where: el.closest(".desk-record") ? "record" : el.closest(".desk-side") ? "side" : "other",
    top: Math.round(r.top + window.scrollY),
    // Focus on a date field's own picker button (inside the field, not
    // the field itself) is ringed by the browser.
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || !el.matches(":focus"),
    what: `${el.tagName.toLowerCase()} ${el.getAttribute("name") || el.textContent.trim().slice(0, 10)}`,
  };
});

test("at a PC's width the minutes sit left of the attendance and the checklist, without a tab switch, and survive a reload", async () => {
  const context = await env.browser.newContext(DESKTOP);
  const { page, problems } = await openRecord(context);
  // One tab holds the three; 签到 and 清单 are not tabs of their own here.
  assert.equal(await page.getByRole("tab", { name: "签到", exact: true }).count(), 0);
  assert.equal(await page.getByRole("tab", { name: "清单", exact: true }).count(), 0);
  const minutes = page.locator("textarea[name=minutes]");
  await minutes.scrollIntoViewIfNeeded();
  const record = await minutes.boundingBox();
  const attendance = await page.locator(".desk-side .attendance-list").first().boundingBox();
  const row = await page.locator(".desk-side .attendance-row").first().boundingBox();
  assert.ok(record.x + record.width <= attendance.x, `the record (right edge ${record.x + record.width}) is left of the attendance (${attendance.x})`);
  for (const [what, box] of [["minutes", record], ["first attendance row", row]]) {
    assert.ok(box.y >= 0 && box.y + Math.min(box.height, 100) <= 860, `${what} is on screen (y ${box.y})`);
  }
  assert.ok(record.height >= 400, `the minutes box is ${record.height} px tall: room for a thousand characters`);
  assert.equal(await page.locator(".desk-side .checklist").count(), 3, "会前, 会中 and 会后 beside the record");

  // Typed at the keyboard, counted, and kept through an immediate reload.
  await minutes.fill("");
  await minutes.focus();
  await page.keyboard.type(MINUTES);
  const head = page.locator("label.field", { has: minutes }).locator(".field-head small");
  await head.getByText(`${[...MINUTES].length} 字`).waitFor();
  await page.reload();
  await pageShown(page);
  assert.equal(await page.locator("textarea[name=minutes]").inputValue(), MINUTES);
  // The 开始签到 bar does not send a desk somewhere it already is.
  assert.equal(await page.getByTestId("meeting-bar").getByRole("button", { name: "开始签到" }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Tab walks the record top to bottom, then the attendance and checklist beside it, each focus with a visible ring", async () => {
  const context = await env.browser.newContext(DESKTOP);
  const { page, problems } = await openRecord(context);
  await page.locator(".section-tab.on").focus();
  const seen = [];
  for (let i = 0; i < 160; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    seen.push(now);
    if (now.where === "side" && seen.filter((s) => s.where === "side").length > 8) break;
  }
  const record = seen.filter((s) => s.where === "record");
  const firstSide = seen.findIndex((s) => s.where === "side");
  assert.ok(record.length >= 15, `the record's fields are reached by Tab (${record.length})`);
  assert.ok(firstSide > seen.findLastIndex((s) => s.where === "record"), "the side comes after the whole record");
  for (let i = 1; i < record.length; i++) {
    assert.ok(record[i].top >= record[i - 1].top - 4, `${record[i].what} (${record[i].top}) comes after ${record[i - 1].what} (${record[i - 1].top})`);
  }
  const ringless = seen.filter((s) => s.where !== "other" && !s.ring).map((s) => s.what);
  assert.deepEqual(ringless, [], "every focused control shows a ring");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Enter in a one-line field saves it at once, and Enter in setup's branch name goes on to the next step", async () => {
  const context = await env.browser.newContext(DESKTOP);
  const { page, problems } = await openRecord(context);
  const place = page.locator("input[name=place]");
  await place.fill("三楼党员活动室");
  await place.press("Enter");
  // Saved by the Enter itself, not by the pause after typing.
  const head = page.locator("label.field", { has: place }).locator(".field-head small");
  assert.match(await head.textContent(), /已自动保存/);
  await settled(page);
  assert.equal((await storedRecords(page))["meeting/mt-ex-1"].place, "三楼党员活动室");
  // Enter in a text area is a new line, not a save.
  const minutes = page.locator("textarea[name=minutes]");
  await minutes.fill("第一行");
  await minutes.press("End");
  await minutes.press("Enter");
  await page.keyboard.type("第二行");
  assert.equal(await minutes.inputValue(), "第一行\n第二行");
  assert.deepEqual(problems, []);
  await context.close();

  const fresh = await env.browser.newContext(DESKTOP);
  const { page: setup, problems: setupProblems } = await openApp(fresh, env.server.origin);
  await setup.getByRole("button", { name: "开始使用", exact: true }).click();
  await setup.getByText("第 1 步，共 4 步").waitFor();
  await setup.locator("input[name=setup-branch-name]").fill("机关第一党支部");
  await setup.locator("input[name=setup-branch-name]").press("Enter");
  await setup.getByText("第 2 步，共 4 步").waitFor();
  await settled(setup);
  assert.equal((await storedRecords(setup)).branch.name, "机关第一党支部");
  assert.deepEqual(setupProblems, []);
  await fresh.close();
});

test("on a 360 px phone the meeting keeps one section at a time: 清单, 签到 and 记录 are tabs", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openRecord(context);
  assert.equal(await page.getByTestId("meeting-desk").count(), 0);
  assert.equal(await page.locator(".attendance-list").count(), 0, "the record tab alone");
  for (const name of ["清单", "签到", "记录"]) {
    assert.ok(await page.getByRole("tab", { name, exact: true }).isVisible(), `${name} is a tab`);
  }
  await page.getByRole("tab", { name: "签到", exact: true }).click();
  await page.locator(".attendance-row").first().waitFor();
  assert.equal(await page.locator("textarea[name=minutes]").count(), 0, "the attendance tab alone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the full-screen picture closes with Escape", async () => {
  // WeChat's browser on a PC: the picture opens full screen there too.
  const context = await env.browser.newContext(WECHAT_DESKTOP);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(env.server.origin + "/print/meeting/mt-ex-1");
  await page.getByRole("button", { name: "存为图片" }).click();
  const viewer = page.getByRole("dialog");
  await viewer.locator("img").waitFor();
  await page.keyboard.press("Escape");
  await viewer.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the full-screen picture takes the keyboard's focus as it opens, keeps it on Tab, and gives it back to 存为图片", async () => {
  const context = await env.browser.newContext(WECHAT_DESKTOP);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(env.server.origin + "/print/meeting/mt-ex-1");
  const opener = page.getByRole("button", { name: "存为图片" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const viewer = page.getByRole("dialog");
  await viewer.locator("img").waitFor();
  const inDialog = () => page.evaluate(() => !!document.activeElement.closest("[role=dialog]"));
  await page.waitForFunction(() => !!document.activeElement.closest("[role=dialog]"), null, { timeout: 2000 })
    .catch(() => {});
  assert.ok(await inDialog(), "the focus is in the picture's dialog");
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await inDialog(), `Tab ${i + 1} stays in the dialog`);
  }
  await page.keyboard.press("Escape");
  await viewer.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "存为图片");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const size of [DESKTOP, PHONE]) {
  test(`at ${size.viewport.width}×${size.viewport.height} the tab bar covers neither the meeting's bar nor a page's last line`, async () => {
    const context = await env.browser.newContext(size);
    const { page, problems } = await openApp(context, env.server.origin);
    await new App(page).loadExample();
    const tabs = async () => (await page.locator(".tab-bar").boundingBox()).y;
    // A planned meeting: its next step stands above the tab bar.
    await page.goto(env.server.origin + "/meetings/mt-ex-3");
    await pageShown(page);
    const bar = await page.getByTestId("meeting-bar").locator(".button").boundingBox();
    assert.ok(bar.y + bar.height <= await tabs(), `the meeting's button (bottom ${bar.y + bar.height}) is above the tab bar (${await tabs()})`);
    // The end of a long page, scrolled to, is above the tab bar.
    for (const route of ["/mine", "/mine/roster", "/meetings/mt-ex-1"]) {
      await page.goto(env.server.origin + route);
      await pageShown(page);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(100);
      const last = await page.evaluate(() => {
        const kids = [...document.querySelector("main").children].filter((el) => el.getBoundingClientRect().height > 0);
        return kids.at(-1).getBoundingClientRect().bottom;
      });
      assert.ok(last <= await tabs(), `${route}: the last line (bottom ${last}) is above the tab bar (${await tabs()})`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
