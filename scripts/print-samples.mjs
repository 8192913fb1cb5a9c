// See scripts/print-samples. Each printable view of the example data, three
// ways: the print view as PDF (Chromium), the Word file as PDF (LibreOffice,
// where installed) and the picture, each page as PNG, and the three side by
// side in one PNG to compare by eye.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { startServer, launch, openApp, App, storedOfKind } from "../tests/e2e/support.mjs";
import { printToPdf, firstPagePng, pageCount, downloadFrom, wordToPdf } from "../tests/e2e/print.mjs";

const out = new URL("../out/print-samples/", import.meta.url).pathname;
await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launch();
const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true, viewport: { width: 1000, height: 1400 } });
const { page, problems } = await openApp(context, server.origin);
await new App(page).loadExample();
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const ids = {
  form: (await storedOfKind(page, "assessment/"))[0]?.id,
  reviewYear: (await storedOfKind(page, "review/"))[0]?.year,
  taskYear: (await storedOfKind(page, "task/"))[0]?.year,
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
  ["fusion-tasks", `/print/fusion/tasks/${ids.taskYear}`],
  ["fusion-groups", `/print/fusion/groups/${ids.taskYear}`],
  ["fusion-pledges", `/print/fusion/pledges/${ids.taskYear}`],
  ["fusion-ledger", `/print/fusion/ledger/${ids.taskYear}`],
  ["dues-register", `/print/dues/register/${today.slice(0, 4)}`],
  ["dues-public", `/print/dues/public/${today.slice(0, 4)}`],
  ["dues-member", `/print/dues/member/m12-${today.slice(0, 4)}`],
  ["year-plan", `/print/year/plan/${today.slice(0, 4)}`],
  ["year-summary", `/print/year/summary/${today.slice(0, 4)}`],
  ["secretary-report", `/print/year/report/${today.slice(0, 4)}`],
];
// `node scripts/print-samples.mjs review-tally` makes only the views named.
const only = process.argv.slice(2);
const chosen = only.length ? views.filter(([name]) => only.includes(name)) : views;
const word = existsSync("/usr/bin/soffice");
const pngs = (prefix) => readdirSync(out).filter((f) => f.startsWith(prefix) && f.endsWith(".png")).sort().map((f) => out + f);

for (const [name, path] of chosen) {
  for (const stale of [...pngs(`${name}-print-`), ...pngs(`${name}-word-`)]) await rm(stale);
  const pdf = `${out}${name}.pdf`;
  await printToPdf(page, server.origin, path, pdf);
  firstPagePng(pdf, `${out}${name}`);
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, `${out}${name}-print`]);
  await page.goto(server.origin + path);
  await page.waitForSelector(".paper");
  let wordPages = "-";
  if (word) {
    const docx = await downloadFrom(page, "Word 文档", out);
    const wordPdf = wordToPdf(docx.path);
    wordPages = pageCount(wordPdf);
    execFileSync("pdftoppm", ["-png", "-r", "60", wordPdf, `${out}${name}-word`]);
  }
  const picture = await downloadFrom(page, "存为图片", out);
  const pictureFile = `${out}${name}-picture.png`;
  await writeFile(pictureFile, await readFile(picture.path));
  // The three side by side, each column 500 px wide.
  const column = async (files) =>
    (await Promise.all(files.map(async (f) => `<img src="data:image/png;base64,${(await readFile(f)).toString("base64")}">`))).join("");
  const sheet = await context.newPage();
  await sheet.setContent(`<style>body{margin:0;display:flex;gap:16px;background:#888;align-items:flex-start}
    div{width:500px;display:flex;flex-direction:column;gap:8px}h2{margin:4px;color:#fff;font:16px sans-serif}img{width:500px}</style>
    <div><h2>打印 (Chromium PDF)</h2>${await column(pngs(`${name}-print-`))}</div>
    <div><h2>Word (LibreOffice PDF)</h2>${await column(pngs(`${name}-word-`))}</div>
    <div><h2>图片</h2>${await column([pictureFile])}</div>`);
  await sheet.screenshot({ path: `${out}${name}-side-by-side.png`, fullPage: true });
  await sheet.close();
  console.log(`${name}: print ${pageCount(pdf)} page(s), Word ${wordPages}, picture ${picture.name}`);
}
await browser.close();
await server.close();
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`PDFs, pages as PNG and side-by-side comparisons in ${out}`);
