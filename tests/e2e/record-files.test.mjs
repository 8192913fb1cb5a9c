// A record taken away from the phone: as a picture for a chat, as a Word
// document a secretary edits and files, and as text when the phone has no
// share sheet. Each is checked the way its reader would see it: the Word
// file through LibreOffice against the print view's PDF, the picture by
// its size and ink; inside WeChat, what a member can actually keep.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { useBrowser, openApp, App, PHONE, WECHAT_PHONE, pageShown, storedOfKind, storedRecords } from "./support.mjs";
import { printToPdf, pageCount, pageTexts, squeeze, downloadFrom, wordToPdf, pngSize, inkShare } from "./print.mjs";

const env = useBrowser();
/** The theme of the example's last 支部党员大会, which the record shows. */
let MEETING = "";
const A4 = { viewport: { width: 1000, height: 1400 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true };
const WECHAT = { ...WECHAT_PHONE, acceptDownloads: true };
/** A4 pages at 150 dpi, one under the other with a 24 px gap. */
const PAGE = { portrait: [1240, 1754], landscape: [1754, 1240], gap: 24 };

/** The entries of a ZIP file, read from its central directory, each
 * checked against its CRC-32. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end > 0, "a ZIP end record");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = {};
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, "a central directory entry");
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    assert.equal(method, 0, `${name} is stored`);
    const body = bytes.subarray(start, start + size);
    assert.equal(crc32(body) >>> 0, crc, `${name} matches its CRC`);
    entries[name] = body.toString("utf8");
    at += 46 + skip;
  }
  return entries;
}

/** How many A4 pages a picture holds, from its size. */
function picturePages({ width, height }) {
  const [w, h] = width === PAGE.portrait[0] ? PAGE.portrait : PAGE.landscape;
  assert.equal(width, w, `a picture ${width} px wide is an A4 page at 150 dpi`);
  const pages = Math.floor((height + PAGE.gap) / (h + PAGE.gap));
  const rest = height - (pages * (h + PAGE.gap) - PAGE.gap);
  // Whole pages, or as many as a phone can show and a note under them
  // that says where the rest is (format/paper/picture.rs).
  assert.ok(rest === 0 || (pages === PICTURE_PAGE_CAP && rest < h), `${height} px holds whole pages`);
  return pages;
}
/** The most pages a picture holds (16 megapixels, at 150 dpi). */
const PICTURE_PAGE_CAP = 7;

async function openRecord(context) {
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  MEETING = (await storedRecords(page))["meeting/mt-ex-1"].theme;
  await page.goto(env.server.origin + "/meetings");
  await pageShown(page);
  await page.locator(".meeting-row", { hasText: MEETING }).first().click();
  await pageShown(page);
  await page.getByRole("link", { name: "打印会议记录" }).click();
  await page.getByText("党支部工作记录").first().waitFor();
  const meeting = (await storedOfKind(page, "meeting/")).find((m) => m.id === "mt-ex-1");
  return { page, problems, date: meeting.date };
}

test("a meeting record downloads as a Word document named after the meeting, with page numbers and its text", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems, date } = await openRecord(context);
  const dir = mkdtempSync(join(tmpdir(), "zhibu-docx-"));
  const { path, name } = await downloadFrom(page, "Word 文档", dir);
  assert.equal(name, `${date} 支部党员大会记录.docx`, "named after the meeting's own date");
  const parts = unzip(readFileSync(path));
  for (const part of ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/header1.xml"]) {
    assert.ok(parts[part], `${part} is in the file`);
  }
  // Well-formed XML in the WordprocessingML namespace, read by the
  // browser's own parser.
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    return {
      error: doc.getElementsByTagName("parsererror").length,
      root: doc.documentElement.namespaceURI + " " + doc.documentElement.localName,
      text: [...doc.getElementsByTagNameNS(W, "t")].map((t) => t.textContent).join(""),
      headerRows: doc.getElementsByTagNameNS(W, "tblHeader").length,
      page: doc.getElementsByTagNameNS(W, "pgSz")[0]?.getAttributeNS(W, "w"),
    };
  }, parts["word/document.xml"]);
  assert.equal(parsed.error, 0);
  assert.equal(parsed.root, "http://schemas.openxmlformats.org/wordprocessingml/2006/main document");
  for (const expected of ["党支部工作记录", MEETING, "示例单位第一党支部", "出席人员", "王建国", "主持人（签字）"]) {
    assert.ok(parsed.text.includes(expected), `the document says ${expected}`);
  }
  assert.ok(parsed.headerRows >= 1, "table head rows repeat on each page");
  assert.equal(parsed.page, "11906", "A4 width");
  assert.match(parts["word/footer1.xml"], /PAGE/);
  await page.locator(".toast", { hasText: "已下载Word 文档" }).waitFor();

  // LibreOffice opens it and prints it with the same text and a page
  // number at the foot of every page.
  const pages = pageTexts(wordToPdf(path));
  const text = squeeze(pages.join(""));
  assert.ok(text.includes(squeeze(MEETING)), "LibreOffice shows the meeting's theme");
  assert.ok(text.includes("党支部工作记录"));
  pages.forEach((p, i) => assert.ok(squeeze(p).includes(`第${i + 1}页共${pages.length}页`), `page number on page ${i + 1}`));
  // The signature block is on one page.
  const host = pages.findIndex((p) => squeeze(p).includes("主持人（签字）"));
  assert.ok(host >= 0);
  assert.ok(squeeze(pages[host]).includes("记录人（签字）"), "both signatures on one page");
  assert.match(squeeze(pages[host]), /(?<!打印)日期：/, "the date line with them");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a meeting record saves as a picture of its A4 pages, named after the meeting", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems, date } = await openRecord(context);
  const dir = mkdtempSync(join(tmpdir(), "zhibu-png-"));
  const { path, name } = await downloadFrom(page, "存为图片", dir);
  assert.equal(name, `${date} 支部党员大会记录.png`);
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
  const pages = picturePages(pngSize(png));
  assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
  const ink = await inkShare(page, png);
  assert.ok(ink > 0.005 && ink < 0.3, `dark share ${ink}`);
  await page.locator(".toast", { hasText: "已下载图片" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

/** In the print view the last signatures share their page with what they
 * sign: a page of signatures alone signs nothing. (LibreOffice does not
 * keep a table's last row with the paragraph after it, so the Word file's
 * signatures can still open a page of their own.) */
function signaturesInCompany(title, pages) {
  const host = pages.findLastIndex((p) => /（签字）|（盖章）/.test(p));
  if (host < 0) return;
  const lines = pages[host].split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines.findIndex((l) => /（签字）|（盖章）/.test(l));
  // Line 0 is the running head.
  assert.ok(first >= 2, `${title}: the signatures on page ${host + 1} stand alone`);
}

test("every sheet's Word file prints in LibreOffice within a page of the print view, and its picture holds its pages", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const form = (await storedOfKind(page, "assessment/"))[0].id;
  const reviewYear = (await storedOfKind(page, "review/"))[0].year;
  const taskYear = (await storedOfKind(page, "task/"))[0].year;
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const sheets = [
    ["党支部工作记录", "/print/meeting/mt-ex-1"],
    ["签到表", "/print/sign-in/mt-ex-3"],
    ["民主评议党员情况汇总表", `/print/review/${reviewYear}`],
    ["谈心谈话记录", "/print/talk/tk-ex-1"],
    ["自评表", `/print/assessment/${form}`],
    ["工作情况汇总", `/print/summary/year/${today}`],
    ["年度重点工作清单", `/print/fusion/tasks/${taskYear}`],
    ["党员公开承诺书", `/print/fusion/pledges/${taskYear}`],
    ["党费收缴登记表", `/print/dues/register/${taskYear}`],
    ["党费交纳记录", `/print/dues/member/m12-${taskYear}`],
    ["党支部工作计划", `/print/year/plan/${taskYear}`],
    ["党支部工作总结", `/print/year/summary/${taskYear}`],
    ["发展党员工作全程纪实表", "/print/development/fz-ex-4"],
    ["发展党员工作台账", "/print/development/ledger"],
    ["换届工作记录", "/print/handover"],
  ];
  const dir = mkdtempSync(join(tmpdir(), "zhibu-sheets-"));
  for (const [title, path] of sheets) {
    const printed = join(dir, `print-${sheets.findIndex((s) => s[1] === path)}.pdf`);
    await printToPdf(page, env.server.origin, path, printed);
    const printedPages = pageCount(printed);
    await page.goto(env.server.origin + path);
    await page.waitForSelector(".paper");
    const word = await downloadFrom(page, "Word 文档", dir);
    const wordPdf = wordToPdf(word.path);
    const wordPages = pageCount(wordPdf);
    assert.ok(Math.abs(wordPages - printedPages) <= 1, `${title}: Word ${wordPages} pages, print view ${printedPages}`);
    const wordText = squeeze(pageTexts(wordPdf).join(""));
    signaturesInCompany(title, pageTexts(printed));
    assert.ok(wordText.includes(squeeze(title)), `${title}: LibreOffice shows the title`);
    const picture = await downloadFrom(page, "存为图片", dir);
    const png = readFileSync(picture.path);
    const pages = picturePages(pngSize(png));
    const expected = Math.min(printedPages, PICTURE_PAGE_CAP);
    assert.ok(Math.abs(pages - expected) <= 1, `${title}: picture ${pages} pages, print view ${printedPages}`);
    const ink = await inkShare(page, png);
    assert.ok(ink > 0.003 && ink < 0.3, `${title}: dark share ${ink}`);
  }
  // The wide tally is a landscape page in every form.
  const tally = execFileSync("pdfinfo", [join(dir, "print-2.pdf")], { encoding: "utf8" });
  assert.match(tally, /Page size:\s+841\.\d+ x 59[45]\.\d+/, "the print view's tally is A4 landscape");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the example's 民主评议汇总表 is two pages as PDF, Word and picture, its last page holding the whole signature block with the print date", async () => {
  const context = await env.browser.newContext(A4);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  const year = (await storedOfKind(page, "review/"))[0].year;
  const dir = mkdtempSync(join(tmpdir(), "zhibu-tally-"));
  const pdf = join(dir, "tally.pdf");
  await printToPdf(page, env.server.origin, `/print/review/${year}`, pdf);
  await page.goto(`${env.server.origin}/print/review/${year}`);
  await page.waitForSelector(".paper");
  const word = wordToPdf((await downloadFrom(page, "Word 文档", dir)).path);
  // The picture is the same two pages, the print date drawn once.
  const picture = readFileSync((await downloadFrom(page, "存为图片", dir)).path);
  assert.equal(picturePages(pngSize(picture)), 2, "the picture's pages");
  for (const [what, file] of [["PDF", pdf], ["Word", word]]) {
    const pages = pageTexts(file);
    assert.equal(pages.length, 2, `${what}: ${pages.length} pages`);
    const last = squeeze(pages[1]);
    for (const line of ["党支部书记（签字）", "党支部（盖章）", "日期：", "打印日期："]) {
      assert.ok(last.includes(line), `${what}: ${line} on the last page`);
    }
    assert.ok(!squeeze(pages[0]).includes("签字"), `${what}: the signatures are not split`);
    // The table's last rows sign with them: the last page is not signatures alone.
    assert.ok(/\d+[\u4e00-\u9fa5]{2,3}正式党员/.test(last), `${what}: member rows above the signatures`);
    signaturesInCompany(`${what} 汇总表`, pages);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("inside WeChat, 打印 is hidden, the picture opens full screen to long-press, and Word says how to get it", async () => {
  const context = await env.browser.newContext(WECHAT);
  const { page, problems } = await openRecord(context);
  const downloads = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  assert.equal(await page.getByRole("button", { name: "打印 / 存为 PDF" }).count(), 0, "no print button");

  await page.getByRole("button", { name: "存为图片" }).click();
  const viewer = page.getByRole("dialog");
  await viewer.getByText("长按保存或发送给朋友").waitFor();
  const image = viewer.locator("img");
  await image.waitFor();
  const shown = await image.evaluate((img) => ({ src: img.src.slice(0, 22), width: img.naturalWidth, onScreen: img.getBoundingClientRect().width }));
  assert.equal(shown.src, "data:image/png;base64,", "an image WeChat can save with a long press");
  assert.equal(shown.width, 1240);
  assert.ok(shown.onScreen >= 340, `shown ${shown.onScreen} px wide on a 360 px screen`);
  await viewer.getByRole("button", { name: "关闭" }).click();
  await viewer.waitFor({ state: "detached" });

  await page.getByRole("button", { name: "Word 文档" }).click();
  const said = page.getByTestId("print-result");
  await said.getByText("在浏览器打开").waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(downloads, [], "nothing is downloaded that WeChat would drop");
  const body = await page.locator("body").innerText();
  assert.ok(!/已生成|已下载/.test(body), "nothing says a file was saved");
  assert.deepEqual(problems, []);
  await context.close();
});

test("without a share sheet, 分享文字版 copies the text and says so", async () => {
  const context = await env.browser.newContext(PHONE);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { page, problems } = await openRecord(context);
  await page.evaluate(() => {
    delete Navigator.prototype.share;
  });
  await page.getByRole("button", { name: "分享文字版" }).click();
  await page.locator(".toast", { hasText: "已复制文字版" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(MEETING), copied.slice(0, 80));
  assert.deepEqual(problems, []);
  await context.close();
});
