// What each transfer route weighs: the file, the transfer text and the
// link of each package, for the example branch and for ten years of a
// 30-member branch, in the release build. Run by scripts/bench.
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, App, PHONE } from "../tests/e2e/support.mjs";
import { makeBackup, tenYears } from "../tests/e2e/backup-maker.mjs";

const server = await startServer();
const browser = await launch();

async function measure(page, scope) {
  await page.goto(server.origin + "/mine/backup");
  const send = page.getByTestId("send-panel");
  await send.getByText(scope, { exact: true }).click();
  await send.getByRole("button", { name: /生成传输文字/ }).click();
  const size = await send.getByTestId("transfer-size").textContent();
  const text = await send.locator("textarea[name=transfer-text]").inputValue();
  return `${scope}: ${size}; text ${text.length} chars (${Buffer.byteLength(text)} bytes)`;
}

const context = await browser.newContext(PHONE);
const { page } = await openApp(context, server.origin);
await new App(page).loadExample();
await page.goto(server.origin + "/assess");
await page.selectOption("select[name=me]", { label: "吴昊" });
console.log("example branch (25 members, 4 meetings):");
for (const scope of ["完整备份", "支部资料包", "交给书记的材料"]) console.log("  " + (await measure(page, scope)));
await context.close();

const big = await browser.newContext(PHONE);
const other = await openApp(big, server.origin);
await new App(other.page).startFresh();
const dir = await mkdtemp(join(tmpdir(), "zhibu-transfer-"));
const file = join(dir, "ten-years.json");
await writeFile(file, makeBackup(tenYears()));
await other.page.goto(server.origin + "/mine/backup");
await other.page.setInputFiles("input[name=backup-file]", file);
await other.page.getByRole("button", { name: "导入", exact: true }).click();
await other.page.getByText(/已导入并合并/).waitFor({ timeout: 120000 });
console.log("ten years (30 members, 600 meetings, 300 forms):");
for (const scope of ["完整备份", "支部资料包"]) console.log("  " + (await measure(other.page, scope)));
await browser.close();
await server.close();
