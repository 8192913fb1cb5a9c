// Printing a view to PDF the way a member does ("打印 / 存为 PDF"), and
// reading the PDF back: shared by the print tests and scripts/print-samples.
import { execFileSync } from "node:child_process";

export async function printToPdf(page, origin, path, pdfPath) {
  await page.goto(origin + path);
  await page.waitForSelector(".paper");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });
}

export function pageCount(pdfPath) {
  const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

/** The text of each page, in reading order. */
export function pageTexts(pdfPath) {
  const n = pageCount(pdfPath);
  const pages = [];
  for (let i = 1; i <= n; i++) {
    pages.push(execFileSync("pdftotext", ["-f", String(i), "-l", String(i), "-layout", pdfPath, "-"], { encoding: "utf8" }));
  }
  return pages;
}

/** The text of each page in the PDF's own order (cell by cell), for
 * checking that a table row's text stays together. */
export function pageTextsRaw(pdfPath) {
  const n = pageCount(pdfPath);
  const pages = [];
  for (let i = 1; i <= n; i++) {
    pages.push(execFileSync("pdftotext", ["-f", String(i), "-l", String(i), "-raw", pdfPath, "-"], { encoding: "utf8" }));
  }
  return pages;
}

/** Text with all white space removed, so wrapped lines compare whole. */
export const squeeze = (text) => text.replace(/\s+/g, "");

/** The last line of a page's body: above the page-number footer. */
export function lastBodyLine(pageText) {
  const lines = pageText.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.filter((l) => !/^第 ?\d+ ?页 ?共 ?\d+ ?页$/.test(l.replace(/\s+/g, " "))).pop() || "";
}

export function firstPagePng(pdfPath, pngBase) {
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngBase]);
}
