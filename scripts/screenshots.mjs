// Takes screenshots of the main screens at phone size (360x740) and at
// desktop width from the release dist/, into out/screens/. Run scripts/build
// first. Usage: node scripts/screenshots.mjs [route-filter]
import { mkdir } from "node:fs/promises";
import { startServer, launch, openApp, App, PHONE, DESKTOP, pageShown } from "../tests/e2e/support.mjs";

const out = new URL("../out/screens/", import.meta.url).pathname;
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launch();
const filter = process.argv[2] || "";

const lastMonth = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1);
const screens = [
  ["first-run", null],
  ["home", "/"],
  ["mine", "/mine"],
  ["roster", "/mine/roster"],
  ["member", "/mine/roster/m04"],
  ["handover", "/mine/handover"],
  ["branch", "/mine/branch"],
  ["backup", "/mine/backup"],
  ["meetings", "/meetings"],
  ["meeting-checklist", "/meetings/mt-ex-1"],
  ["meeting-attendance", "/meetings/mt-ex-1?s=attendance"],
  ["meeting-record", "/meetings/mt-ex-1?s=record"],
  ["meeting-votes", "/meetings/mt-ex-1?s=votes"],
  ["life-record", "/meetings/mt-ex-4?s=record"],
  ["talks", "/talks"],
  ["talk", "/talks/tk-ex-1"],
  ["form-five", "/assess/form/as-ex-3"],
  ["compliance", "/meetings/compliance"],
  ["plan", "/meetings/new"],
  ["assess", "/assess"],
  ["review", `/assess/review/${new Date().getFullYear() - 1}`],
  ["history", "/assess/history/m01"],
  ["print-record", "/print/meeting/mt-ex-1"],
  ["print-sign-in", "/print/sign-in/mt-ex-1"],
  ["print-talk", "/print/talk/tk-ex-1"],
  ["print-handover", "/print/handover"],
  ["print-form", "/print/assessment/as-ex-3"],
  ["print-review", `/print/review/${new Date().getFullYear() - 1}`],
  ["templates", "/mine/templates"],
  ["recovery", "/mine/recovery"],
  ["fusion", "/fusion"],
  ["fusion-task", "/fusion/tasks/kt-ex-1"],
  ["fusion-group", `/fusion/groups/g1/${lastMonth.getFullYear()}/${lastMonth.getMonth() + 1}`],
  ["fusion-pledges", `/fusion/commitments/m04/${new Date().getFullYear()}`],
  ["fusion-study", `/fusion/study/st-ex-talk-${lastMonth.getFullYear()}${String(lastMonth.getMonth() + 1).padStart(2, "0")}`],
  ["fusion-outside", "/fusion/study/st-ex-out-1"],
  ["fusion-hours", `/fusion/hours/${new Date().getFullYear()}`],
  ["meeting-tasks", "/meetings/mt-ex-g1?s=tasks"],
  ["print-fusion-tasks", `/print/fusion/tasks/${new Date().getFullYear()}`],
  ["dues-month", "/mine/dues"],
  ["dues-member", `/mine/dues/member/m13/${new Date().getFullYear()}`],
  ["dues-year", `/mine/dues/${new Date().getFullYear()}`],
  ["year-plan", `/mine/year/${new Date().getFullYear()}/plan`],
  ["year-summary", `/mine/year/${new Date().getFullYear()}/summary`],
  ["year-report", `/mine/year/${new Date().getFullYear()}/report`],
  ["print-dues-register", `/print/dues/register/${new Date().getFullYear()}`],
  ["print-dues-public", `/print/dues/public/${new Date().getFullYear()}`],
];

for (const [label, size] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  const context = await browser.newContext(size);
  const { page } = await openApp(context, server.origin);
  if (!filter || "first-run".includes(filter)) await page.screenshot({ path: `${out}${label}-first-run.png` });
  await new App(page).loadExample();
  for (const [name, path] of screens) {
    if (!path || (filter && !name.includes(filter))) continue;
    await page.goto(server.origin + path);
    await pageShown(page);
    // A whole-page picture shows rows the screen draws only when scrolled
    // to (content-visibility): draw them all for it.
    await page.evaluate(() => document.querySelectorAll(".attendance-row").forEach((row) => (row.style.contentVisibility = "visible")));
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}${label}-${name}.png`, fullPage: name !== "home" });
  }
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
