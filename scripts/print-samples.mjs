// See scripts/print-samples.
import { mkdir } from "node:fs/promises";
import { startServer, launch, openApp, App, storedOfKind } from "../tests/e2e/support.mjs";
import { printToPdf, firstPagePng, pageCount } from "../tests/e2e/print.mjs";

const out = new URL("../out/print-samples/", import.meta.url).pathname;
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launch();
const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
const { page, problems } = await openApp(context, server.origin);
await new App(page).loadExample();
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const ids = {
  form: (await storedOfKind(page, "assessment/"))[0]?.id,
  reviewYear: (await storedOfKind(page, "review/"))[0]?.year,
};
const views = [
  ["meeting-record", "/print/meeting/mt-ex-1"],
  ["sign-in-sheet", "/print/sign-in/mt-ex-3"],
  ["life-record", "/print/meeting/mt-ex-4"],
  ["talk-record", "/print/talk/tk-ex-1"],
  ["five-excellent", "/print/assessment/as-ex-3"],
  ["summary-month", `/print/summary/month/${today}`],
  ["summary-quarter", `/print/summary/quarter/${today}`],
  ["summary-year", `/print/summary/year/${today}`],
  ["assessment-form", `/print/assessment/${ids.form}`],
  ["review-tally", `/print/review/${ids.reviewYear}`],
  ["dues-register", `/print/dues/register/${today.slice(0, 4)}`],
  ["dues-public", `/print/dues/public/${today.slice(0, 4)}`],
  ["dues-member", `/print/dues/member/m12-${today.slice(0, 4)}`],
];
for (const [name, path] of views) {
  const pdf = `${out}${name}.pdf`;
  await printToPdf(page, server.origin, path, pdf);
  firstPagePng(pdf, `${out}${name}`);
  console.log(`${name}: ${pageCount(pdf)} page(s)`);
}
await browser.close();
await server.close();
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`PDFs and first-page PNGs in ${out}`);
