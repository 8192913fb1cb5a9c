// Phone-first: nothing wider than the screen at
// 360×740 and 320×640, buttons big enough for a thumb, the example
// banner, clearing the device, and fields that say they are saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE, settled, storedRecords, storedOfKind, pageShown } from "./support.mjs";
import { ROUTES } from "./routes.mjs";

const env = useBrowser();

/** Elements whose right edge passes the viewport's (text included). */
async function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll("main *, .tab-bar *, .banner *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // A table wider than a phone may scroll inside its own labelled
      // region (the 党委's overview); the page must not.
      if (el.closest(".table-scroll[role=region]")) continue;
      if (r.right > width + 1 || r.left < -1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.left)}–${Math.round(r.right)}) ${el.textContent.trim().slice(0, 20)}`);
      }
    }
    return out.slice(0, 5);
  });
}

for (const size of [{ width: 360, height: 740 }, { width: 320, height: 640 }]) {
  test(`no screen is wider than a ${size.width} px phone`, async () => {
    const context = await env.browser.newContext({ ...PHONE, viewport: size });
    const { page, problems } = await openApp(context, env.server.origin);
    await new App(page).loadExample();
    const wide = [];
    for (const route of ROUTES) {
      await page.goto(env.server.origin + route);
      await page.waitForSelector("main");
      await page.waitForTimeout(50);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      const found = await overflowing(page);
      if (scroll > size.width || found.length) wide.push(`${route}: ${scroll}px ${found.join("; ")}`);
    }
    assert.deepEqual(wide, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the meeting screens' buttons are at least 44 px tall", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const small = [];
  for (const section of ["checklist", "attendance", "record", "votes", "follow-ups"]) {
    await page.goto(`${env.server.origin}/meetings/mt-ex-1?s=${section}`);
    await page.waitForSelector(".section-tabs");
    const found = await page.evaluate(() =>
      [...document.querySelectorAll("main button, main a.button, main input[type=checkbox], main select")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => {
          const r = (el.closest("label") || el).getBoundingClientRect();
          return { text: (el.textContent || el.name || el.type).trim().slice(0, 12), h: Math.round(r.height) };
        })
        .filter((b) => b.h < 44));
    for (const b of found) small.push(`${section}: ${b.text} ${b.h}px`);
  }
  assert.deepEqual(small, []);
  assert.deepEqual(problems, []);
  await context.close();
});

// The left edge of the text of the first element of each selector: a
// heading and a row may pad differently and still line up.
const textLefts = (page, selectors) => page.evaluate((selectors) => selectors.map((selector) => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  return Math.round(range.getBoundingClientRect().left);
}), selectors);

test("a 党小组's name in a list card lines up with the names under it", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(`${env.server.origin}/meetings/mt-ex-3?s=attendance`);
  await page.locator(".attendance-row").first().waitFor();
  const [group, member] = await textLefts(page, [".attendance-list .list-heading", ".attendance-row .member-name"]);
  assert.equal(group, member, "签到: the group's name and the first member's");
  await page.goto(`${env.server.origin}/meetings/compliance`);
  await page.locator("[data-testid=group-work] .list-heading").waitFor();
  const [heading, first] = await textLefts(page, [
    "[data-testid=group-work] .list-heading",
    "[data-testid=group-work] .requirement-label",
  ]);
  assert.equal(heading, first, "党小组重点工作: the heading and the first group's name");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the example says it is the example, and clearing it starts the branch's own", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const banner = page.getByTestId("example-banner");
  await banner.getByText("正在查看示例数据").waitFor();
  await page.goto(env.server.origin + "/meetings");
  await banner.waitFor();
  page.once("dialog", (d) => d.accept());
  await banner.getByRole("button", { name: "清除并开始使用" }).click();
  await page.waitForURL(/\/mine\/setup$/);
  assert.equal(await page.locator("input[name=setup-branch-name]").inputValue(), "");
  assert.equal(await banner.count(), 0);
  assert.deepEqual(await storedOfKind(page, "meeting/"), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("clearing the example after adding a member of one's own names them, and an undo brings them back", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.addMember("欧阳明远");
  await settled(page);
  const banner = page.getByTestId("example-banner");
  const asked = new Promise((resolve) => page.once("dialog", (d) => { resolve(d.message()); d.accept(); }));
  await banner.getByRole("button", { name: "清除并开始使用" }).click();
  assert.match(await asked, /你在示例中添加的党员：欧阳明远也会一起清除/);
  await page.waitForURL(/\/mine\/setup$/);
  await page.getByText(/可以恢复清除前的数据/).waitFor();
  await page.getByRole("button", { name: "撤销，恢复原数据" }).click();
  await page.getByText(/已恢复清除前的数据/).waitFor();
  await page.goto(env.server.origin + "/mine/roster");
  await page.locator(".member-list .member-name", { hasText: "欧阳明远" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("清空本机数据 offers a backup first, then leaves nothing of the branch on this phone", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await settled(page);
  await page.goto(env.server.origin + "/mine");
  await page.getByText("清空本机数据", { exact: true }).first().click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "先导出备份" }).click();
  assert.match((await download).suggestedFilename(), /\.json$/);
  page.once("dialog", (d) => d.accept());
  await page.locator(".clear-device").getByRole("button", { name: "清空本机数据" }).click();
  await page.getByRole("button", { name: "开始使用", exact: true }).waitFor();
  const left = Object.keys(await storedRecords(page));
  assert.deepEqual(left.filter((k) => k !== "branch" && k !== "members" && k !== "templates"), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a text field says when it was saved", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.goto(env.server.origin + "/talks/tk-ex-1");
  await page.fill("textarea[name=talk-follow-up]", "下月再谈一次");
  await page.locator("label", { has: page.locator("textarea[name=talk-follow-up]") })
    .getByText(/已自动保存 \d\d:\d\d/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the 民主评议 rows' 查看 and folded details are 44 px tall at 360 px", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
  const sizes = [];
  // Last year's review has its polls; this year's, the 承诺 to 查看.
  for (const y of [year - 1, year]) {
    await page.goto(`${env.server.origin}/assess/review/${y}`);
    await page.locator(".review-row").first().waitFor();
    sizes.push(...await page.evaluate(() =>
      [...document.querySelectorAll(".review-row a, .review-row summary")]
        .filter((el) => el.offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent.trim().slice(0, 10), h: Math.round(r.height) };
        })));
  }
  assert.ok(sizes.some((s) => s.text === "查看"), "a 查看 link is on the page");
  assert.ok(sizes.some((s) => /^测评/.test(s.text)), "a 测评… summary is on the page");
  assert.deepEqual(sizes.filter((s) => s.h < 44), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a planned meeting's 开始签到 bar covers no 会中 row on the first view at 360×740, and one field adds to any list", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  // The example's 主题党日 is planned: its checklist opens first.
  await page.goto(env.server.origin + "/meetings/mt-ex-3");
  await pageShown(page);
  const bar = page.getByTestId("meeting-bar");
  await bar.getByRole("button", { name: "开始签到" }).waitFor();
  const during = page.locator(".checklist").nth(1);
  assert.match(await during.locator(".card-title").textContent(), /会中/);
  const [over, row] = await Promise.all([bar.boundingBox(), during.locator(".check-row").first().boundingBox()]);
  assert.ok(row.y + row.height <= over.y, `the first 会中 row ends at ${row.y + row.height} px, the bar begins at ${over.y} px`);
  assert.equal(await page.evaluate(() => scrollY), 0, "the first view");

  // Below the three lists, one field adds to the list chosen.
  await page.locator("fieldset[aria-label=添加到]").getByText("会前", { exact: true }).click();
  await page.fill("input[name=new-item]", "检查音响和投影");
  await page.locator(".checklist-add").getByRole("button", { name: "添加", exact: true }).click();
  await page.locator(".checklist").first().getByText("检查音响和投影").waitFor();
  await settled(page);
  const meeting = (await storedOfKind(page, "meeting/")).find((m) => m.id === "mt-ex-3");
  assert.ok(meeting.checklist.some((c) => c.text === "检查音响和投影" && c.phase === "before"), "stored in 会前");
  // Its × takes it off this meeting's list again.
  await page.locator(".check-row", { hasText: "检查音响和投影" }).getByRole("button", { name: "从本次会议移除" }).click();
  await page.locator(".check-row", { hasText: "检查音响和投影" }).waitFor({ state: "detached" });
  await settled(page);
  const after = (await storedOfKind(page, "meeting/")).find((m) => m.id === "mt-ex-3");
  assert.ok(!after.checklist.some((c) => c.text === "检查音响和投影"), "removed from the stored meeting");
  assert.deepEqual(problems, []);
  await context.close();
});
