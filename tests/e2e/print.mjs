// Printing a view to PDF the way a member does ("打印 / 存为 PDF"), and
// reading the PDF back: shared by the print tests and scripts/print-samples.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";

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

/** Clicks a print view's button and saves the file it downloads under
 * `dir`; returns the path and the name the app gave it. */
export async function downloadFrom(page, button, dir) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const name = download.suggestedFilename();
  const path = join(dir, name.replace(/\s+/g, "_"));
  await download.saveAs(path);
  return { path, name };
}

/** A Word file printed to PDF by LibreOffice (Debian's
 * libreoffice-writer-nogui), as a secretary's computer would. */
export function wordToPdf(docxPath) {
  const dir = dirname(docxPath);
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, docxPath], { timeout: 180000, stdio: "ignore" });
  return docxPath.replace(/\.docx$/, ".pdf");
}

/** Width and height of a PNG, from its header. */
export function pngSize(bytes) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The share of dark pixels in a PNG, read by the page's own decoder. */
export async function inkShare(page, bytes) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark += 1;
    return dark / (pixels.length / 4);
  }, bytes.toString("base64"));
}
