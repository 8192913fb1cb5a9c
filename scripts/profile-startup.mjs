// Where a start-up's time goes, on ten years of data at 4x CPU: the
// sampling CPU profiler over five reloads until the first screen is drawn
// (window.__ready), summed per start-up. Build with names first, or the
// wasm functions are only numbers:
//   WASM_NAMES=1 scripts/build && node scripts/profile-startup.mjs [rate]
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, PHONE } from "../tests/e2e/support.mjs";
import { makeBackup, tenYears } from "../tests/e2e/backup-maker.mjs";
import { printProfile } from "./cpu-profile.mjs";

const RATE = Number(process.argv[2] ?? 4);
const RUNS = 5;

const server = await startServer();
const browser = await launch();
const context = await browser.newContext(PHONE);
const page = await context.newPage();
await page.goto(server.origin + "/");
await page.getByRole("button", { name: "开始使用" }).click();
const dir = await mkdtemp(join(tmpdir(), "zhibu-profile-"));
const file = join(dir, "ten-years.json");
await writeFile(file, makeBackup(tenYears()));
await page.goto(server.origin + "/mine/backup");
await page.setInputFiles("input[name=backup-file]", file);
page.once("dialog", (d) => d.accept());
await page.getByRole("button", { name: "导入", exact: true }).click();
await page.getByText("已导入").waitFor({ timeout: 120000 });
await rm(dir, { recursive: true });

const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
// Once unprofiled, so the files come from the cache as a member's would.
await page.goto(server.origin + "/");
await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const times = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  times.push(await page.evaluate(() => window.__ready));
}
const { profile } = await cdp.send("Profiler.stop");
await browser.close();
await server.close();

times.sort((a, b) => a - b);
console.log(`CPU ${RATE}x, ${RUNS} start-ups with the profiler on: to the first screen, median ${times[RUNS >> 1].toFixed(0)} ms`);
printProfile(profile, {
  per: RUNS,
  unit: "ms per start-up",
  minimum: 5,
  groupOf: (names) =>
    names.some((n) => /open_records|persistence::start|Core::open/.test(n))
      ? "opening the store (reading and checking the records)"
      : names.some((n) => /^(reactive_graph|tachys|<reactive_graph|<tachys)/.test(n))
        ? "drawing (reactive updates and the views)"
        : names[0].startsWith("(") ? names[0] : "other tasks",
});
