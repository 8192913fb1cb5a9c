// A record taken away from the phone: as a picture for a chat, as a Word
// document a secretary edits and files, and as text when the phone has no
// share sheet. Each is checked the way its reader would see it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { useBrowser, openApp, App, PHONE, pageShown, storedRecords } from "./support.mjs";

const env = useBrowser();
/** The theme of the example's last 支部党员大会, which the record shows. */
let MEETING = "";

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
  return { page, problems };
}

test("a meeting record downloads as a Word document with the A4 page and the meeting's text", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openRecord(context);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Word 文档" }).click()]);
  assert.match(download.suggestedFilename(), /^党支部工作记录-\d{4}-\d{2}-\d{2}\.docx$/);
  const dir = mkdtempSync(join(tmpdir(), "zhibu-docx-"));
  const file = join(dir, "record.docx");
  await download.saveAs(file);
  const parts = unzip(readFileSync(file));
  for (const part of ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"]) {
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
  for (const expected of ["党支部工作记录", MEETING, "示例单位第一党支部", "出席人员", "王建国"]) {
    assert.ok(parsed.text.includes(expected), `the document says ${expected}`);
  }
  assert.ok(parsed.headerRows >= 1, "table head rows repeat on each page");
  assert.equal(parsed.page, "11906", "A4 width");
  await page.locator(".toast", { hasText: "已生成Word 文档" }).waitFor();

  // LibreOffice (Debian's libreoffice-writer-nogui), where installed, opens
  // it and prints it as a PDF with the same text.
  if (existsSync("/usr/bin/soffice")) {
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 120000, stdio: "ignore" });
    const text = execFileSync("pdftotext", [join(dir, "record.pdf"), "-"]).toString().replace(/\s+/g, "");
    assert.ok(text.includes(MEETING.replace(/\s+/g, "")), "LibreOffice shows the meeting's theme");
    assert.ok(text.includes("党支部工作记录"));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a meeting record saves as a picture that is not blank and fits a phone", async () => {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const { page, problems } = await openRecord(context);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "存为图片" }).click()]);
  assert.match(download.suggestedFilename(), /\.png$/);
  const file = join(mkdtempSync(join(tmpdir(), "zhibu-png-")), "record.png");
  await download.saveAs(file);
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
  assert.equal(png.readUInt32BE(16), 1080, "one phone-friendly column, 1080 px wide");
  assert.ok(png.readUInt32BE(20) > 1500, `tall enough for the record: ${png.readUInt32BE(20)} px`);
  assert.ok(png.length > 30000, `${png.length} bytes`);
  // Ink on the page: a share of dark pixels, as text gives.
  const ink = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark += 1;
    return dark / (data.length / 4);
  }, png.toString("base64"));
  assert.ok(ink > 0.01 && ink < 0.5, `dark share ${ink}`);
  await page.locator(".toast", { hasText: "已生成图片" }).waitFor();
  writeFileSync("/tmp/zhibu-record.png", png);
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
