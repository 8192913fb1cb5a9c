// Where an attendance tap's time goes, on ten years of data at 4x CPU:
// the sampling CPU profiler (CDP Profiler) and the renderer's trace over
// 30 taps, summed per tap. Build with names first, or the wasm functions
// are only numbers:
//   WASM_NAMES=1 scripts/build && node scripts/profile-tap.mjs [rate]
// Prints the functions with the most time (inclusive and self) in the
// click's task and in the work after it, and the frame's rendering phases.
import { printProfile } from "./cpu-profile.mjs";
import { openAttendance, tapAttendance, tenYearsPhone } from "./ten-years.mjs";

const RATE = Number(process.argv[2] ?? 4);
const TAPS = 30;
const WARM_UP = 3;
const TOP = 45;

const { server, browser, context, page } = await tenYearsPhone();

await openAttendance(page, server.origin);
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });

const tap = async (i) => {
  const { frame } = await tapAttendance(page, i);
  // The journal and the commit, after the frame.
  await new Promise((ok) => setTimeout(ok, 400));
  return frame;
};

for (let i = 0; i < WARM_UP; i++) await tap(i);

const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const traced = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
await cdp.send("Tracing.start", {
  categories: "devtools.timeline,disabled-by-default-devtools.timeline",
  transferMode: "ReportEvents",
});
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const frames = [];
for (let i = 0; i < TAPS; i++) frames.push(await tap(i));
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;
await browser.close();
await server.close();

frames.sort((a, b) => a - b);
console.log(`CPU ${RATE}x, ${TAPS} taps with the profiler on: tap to next frame median ${frames[TAPS >> 1].toFixed(1)} ms`);

// The click's handler runs inside the page.evaluate that calls
// button.click(); leptos runs what it changed in microtasks after it; the
// journal and the commit wait for the painted frame.
printProfile(profile, {
  per: TAPS,
  unit: "ms per tap",
  groupOf: (names) =>
    names.includes("click")
      ? "the click's handler"
      : names.some((n) => n.startsWith("zhibu::browser::persistence::edit::{{closure}}"))
        ? "after the frame: the journal and the commit"
        : names.some((n) => /^reactive_graph::|^<reactive_graph::/.test(n))
          ? "reactive updates (microtasks after the click)"
          : names[0].startsWith("(") ? names[0] : "other tasks",
});

// The renderer's main thread: the frame's phases.
const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
const phases = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const per = (x) => (x / TAPS).toFixed(2).padStart(7);
for (const e of events) {
  if (e.ph !== "X" || !main || e.pid !== main.pid || e.tid !== main.tid) continue;
  if (/^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|HitTest|RunTask|EventDispatch|FireAnimationFrame|TimerFire|FunctionCall|ParseHTML|IntersectionObserverController::computeIntersections|UpdateLayer|ScheduleStyleRecalculation)$/.test(e.name))
    add(phases, e.name, (e.dur ?? 0) / 1000);
}
console.log("\n== renderer main thread, per tap (nested phases overlap)");
for (const [n, t] of [...phases].sort((a, b) => b[1] - a[1])) console.log(`${per(t)}  ${n}`);
