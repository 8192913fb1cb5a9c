// Where a start-up's time goes, on ten years of data at 4x CPU: the
// sampling CPU profiler over five reloads until the first screen is drawn
// (window.__ready), summed per start-up. Build with names first, or the
// wasm functions are only numbers:
//   WASM_NAMES=1 scripts/build && node scripts/profile-startup.mjs [rate]
import { printProfile } from "./cpu-profile.mjs";
import { filesIn, markFirstScreen, tenYearsPhone } from "./ten-years.mjs";

const RATE = Number(process.argv[2] ?? 4);
const RUNS = 5;

const { server, browser, context, page } = await tenYearsPhone(markFirstScreen);

const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
// Once unprofiled, so the files come from the cache as a member's would.
await page.goto(server.origin + "/");
await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const times = [];
let files = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(server.origin + "/");
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  times.push(await page.evaluate(() => window.__ready));
  // When each file of the start-up came (from the cache, as on a phone
  // that opened the app before), in the last start-up.
  const [parsed, ready] = await page.evaluate(() => [
    [performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd, "the page parsed (DOMContentLoaded)"],
    [window.__ready, "first screen with data"],
  ]);
  files = [parsed, ...(await filesIn(page)), ready];
}
const { profile } = await cdp.send("Profiler.stop");
// One more start-up traced: what the renderer's main thread did, by event.
const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const traced = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
await cdp.send("Tracing.start", {
  categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm,v8",
  transferMode: "ReportEvents",
});
await page.goto(server.origin + "/");
await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
await cdp.send("Tracing.end");
await traced;
await browser.close();
await server.close();

times.sort((a, b) => a - b);
console.log(`CPU ${RATE}x, ${RUNS} start-ups with the profiler on: to the first screen, median ${times[RUNS >> 1].toFixed(0)} ms`);
console.log("\n== the last start-up: when each file was in, ms after navigation");
for (const [at, what] of files.sort((a, b) => a[0] - b[0])) console.log(`${at.toFixed(0).padStart(7)}  ${what}`);
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

const main = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
const busy = new Map();
let total = 0;
for (const e of events) {
  if (e.ph !== "X" || !main.includes(`${e.pid}:${e.tid}`)) continue;
  const ms = (e.dur ?? 0) / 1000;
  if (e.name === "RunTask") total += ms;
  busy.set(e.name, (busy.get(e.name) ?? 0) + ms);
}
console.log(`\n== one traced start-up: the renderer's main thread busy ${total.toFixed(0)} ms in tasks (nested events overlap)`);
for (const [n, t] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${t.toFixed(1).padStart(8)}  ${n}`);

// The long tasks of that start-up, in order: when each began, how long it
// ran, and the script functions that took most of it.
const tasks = events
  .filter((e) => e.ph === "X" && e.name === "RunTask" && main.includes(`${e.pid}:${e.tid}`) && e.dur > 15000)
  .sort((a, b) => a.ts - b.ts);
const navigationStart = events.find((e) => e.name === "navigationStart" && main.includes(`${e.pid}:${e.tid}`))?.ts ?? tasks[0]?.ts ?? 0;
console.log("\n== its tasks over 15 ms: start (ms after navigation), length, and what ran in them");
for (const task of tasks) {
  const inside = events.filter(
    (e) => e.ph === "X" && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e.name !== "RunTask",
  );
  const named = new Map();
  for (const e of inside) {
    const what = e.args?.data?.functionName || e.args?.data?.url?.replace(/^.*\//, "") || e.name;
    named.set(`${e.name}: ${what}`, (named.get(`${e.name}: ${what}`) ?? 0) + e.dur / 1000);
  }
  const top = [...named].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, t]) => `${n} ${t.toFixed(0)}`);
  console.log(`${((task.ts - navigationStart) / 1000).toFixed(0).padStart(7)} ${(task.dur / 1000).toFixed(0).padStart(5)} ms  ${top.join(" · ")}`);
}
