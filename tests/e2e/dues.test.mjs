// 党费 at phone size: the 组织委员 records this month for every member in
// three taps plus one tap for each member who did not pay, the ledger and
// the 公示 sheet print, and a 支部资料包 made afterwards holds no income,
// base or amount; a full backup holds the ledger only when its keeper
// ticks it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, openApp, App, PHONE, settled, storedOfKind, pageShown } from "./support.mjs";
import { printToPdf, pageTextsRaw, pageCount, squeeze } from "./print.mjs";

const env = useBrowser();
const beijing = new Date(Date.now() + 8 * 3600 * 1000);
const year = beijing.getUTCFullYear();
const month = beijing.getUTCMonth() + 1;
/** Members who did not pay this month: the exceptions tapped back. */
const DID_NOT_PAY = ["m05", "m20"];
/** Fields that hold incomes, bases and amounts (`DuesAccount`, `DuesBook`). */
const LEDGER_FIELDS = ["terms", "basis", "base", "relief", "reduced_to", "payments", "remittances", "carried_in"];
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhibu-dues-"));
});

function keysIn(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysIn(v, out);
    }
  }
  return out;
}

async function exportFile(page, origin, scope, label) {
  await page.goto(origin + "/mine/backup");
  const send = page.getByTestId("send-panel");
  await send.getByText(scope, { exact: true }).click();
  const download = page.waitForEvent("download");
  await send.getByRole("button", { name: label }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return JSON.parse(await readFile(path, "utf8"));
}

test("a month of 党费 in three taps plus the exceptions, printed, and never in a package for members", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();
  await page.goto(origin + "/mine");
  await pageShown(page);

  // Tap 1: 我的 › 党费收缴 opens this month.
  await page.getByRole("link", { name: /党费收缴/ }).click();
  await page.waitForURL(/\/mine\/dues$/);
  await pageShown(page);
  await page.getByText(`${year}年${month}月`, { exact: true }).waitFor();
  const tally = page.getByTestId("dues-tally");
  const all = page.getByTestId("collect-rest");
  const [, owing] = /全部 (\d+) 人按应交额收讫/.exec(await all.textContent());
  // 25 members: 何平 is 免交 and m22 transferred out two months ago.
  assert.equal(Number(owing), 23, "every member in the branch but the one 免交 owes this month");

  // The day the money came in is the 1st, not today: picked in the date box.
  const firstOfMonth = `${year}-${String(month).padStart(2, "0")}-01`;
  await page.locator("input[name=dues-paid-on]").fill(firstOfMonth);

  // Tap 2: all 23 paid at the amount owed; taps 3–4: the two who did not.
  await all.click();
  await page.getByText(`已记录 23 人 ${month} 月党费`).waitFor();
  for (const id of DID_NOT_PAY) {
    await page.locator(`li[data-member=${id}]`).getByRole("button", { name: /改回未交/ }).click();
  }
  await settled(page);
  const numbers = await tally.locator(".tally-numbers b").allTextContents();
  assert.deepEqual(numbers, ["23", "21", "2"]);
  const [, owed, paid] = /应交 ([\d.]+) 元 · 实交 ([\d.]+) 元/.exec(await page.getByTestId("dues-sums").textContent());
  assert.ok(Number(paid) > 0 && Number(paid) < Number(owed), `${paid} of ${owed}`);

  // Stored: 21 payments this month, each at the amount owed, dated the day picked.
  const accounts = (await storedOfKind(page, "dues/")).filter((a) => a.year === year);
  const thisMonth = accounts.flatMap((a) => a.payments.filter((p) => p.month === month).map((p) => ({ ...p, who: a.member_id })));
  assert.equal(thisMonth.length, 21);
  assert.ok(thisMonth.every((p) => !DID_NOT_PAY.includes(p.who)));
  assert.ok(thisMonth.every((p) => p.amount > 0 && p.paid_on === firstOfMonth), JSON.stringify(thisMonth[0]));
  const cents = thisMonth.reduce((sum, p) => sum + p.amount, 0);
  assert.equal(cents, Math.round(Number(paid) * 100), "the tally adds up the stored amounts in 分");

  // The member's year opens from their name; the month reads 未交.
  await page.locator(`li[data-member=${DID_NOT_PAY[0]}] .dues-name`).click();
  await page.waitForURL(new RegExp(`/mine/dues/member/${DID_NOT_PAY[0]}/${year}$`));
  await pageShown(page);
  await page.getByTestId("dues-months").locator(`[data-month="${month}"] summary`).getByText("未交").waitFor();

  // The ledger prints: the 登记表 on A4 with every member and the month
  // just recorded; the 公示 sheet holds names and amounts, never a base.
  const register = join(dir, "register.pdf");
  await printToPdf(page, origin, `/print/dues/register/${year}`, register);
  const registerText = squeeze(pageTextsRaw(register).join(""));
  for (const t of [`${year}年党费收缴登记表`, "姓名", "月交额", "12月", "合计", "何平", "上缴情况", "收缴人"]) {
    assert.ok(registerText.includes(squeeze(t)), `登记表 lacks ${t}`);
  }
  // Landscape A4: the members' rows, then the totals, notes, 上缴 and the
  // signatures (the paper model keeps the signatures with what they sign).
  assert.ok(pageCount(register) <= 4, `the 登记表 of 25 members takes ${pageCount(register)} pages`);
  const notice = join(dir, "public.pdf");
  await printToPdf(page, origin, `/print/dues/public/${year}`, notice);
  const noticeText = squeeze(pageTextsRaw(notice).join(""));
  assert.ok(noticeText.includes("党费交纳情况"), noticeText.slice(0, 200));
  assert.ok(!/基数|收入|工资/.test(noticeText.replace(/不含[^。]*。/g, "")), "the 公示 sheet names no base or income");

  // A 支部资料包 made afterwards holds no income, base or amount.
  const branch = await exportFile(page, origin, "支部资料包", "导出文件");
  assert.equal(branch.scope, "branch");
  assert.ok(branch.data.members.length > 20);
  assert.equal((branch.data.dues || []).length, 0);
  assert.equal((branch.data.dues_books || []).length, 0);
  const keys = keysIn(branch.data);
  for (const field of LEDGER_FIELDS) assert.ok(!keys.includes(field), `支部资料包 names ${field}`);
  assert.ok(!JSON.stringify(branch).includes("df-m"), "支部资料包 names a 党费 record");

  // A full backup asks: without the tick it leaves the ledger out and says so.
  await page.goto(origin + "/mine/backup");
  const send = page.getByTestId("send-panel");
  await send.getByText("完整备份", { exact: true }).click();
  const tick = send.getByTestId("backup-private").locator("input");
  assert.equal(await tick.isChecked(), false);
  await send.getByText("这份备份不含党费台账").waitFor();
  const without = await exportFile(page, origin, "完整备份", "导出备份");
  assert.equal((without.data.dues || []).length, 0);
  await page.goto(origin + "/mine/backup");
  await send.getByText("完整备份", { exact: true }).click();
  await send.getByTestId("backup-private").locator("input").check();
  await send.getByText(/这份备份含全体党员的收入、基数和党费金额/).waitFor();
  const withLedger = await exportFile(page, origin, "完整备份", "导出备份");
  assert.equal(withLedger.data.dues.length, accounts.length + (await storedOfKind(page, "dues/")).filter((a) => a.year !== year).length);
  assert.ok(withLedger.data.dues_books.length > 0);

  assert.deepEqual(problems, []);
  await context.close();
});

test("主题党日's 交纳党费 opens the month's ledger", async () => {
  const origin = env.server.origin;
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, origin);
  await new App(page).loadExample();
  await page.goto(origin + "/meetings/mt-ex-3");
  await pageShown(page);
  await page.getByRole("link", { name: "本月党费 ›" }).click();
  await page.waitForURL(/\/dues\/\d{4}\/\d{1,2}$/);
  await page.getByTestId("dues-tally").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
