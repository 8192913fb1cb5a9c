// Ten years of a 30-member branch (600 meetings, 300 forms) in the release
// build: bytes stored, start-up until the home screen shows, the longest
// task after it (while the other years are read: what a tap then waits), and one
// attendance tap until the next frame and until it is committed to
// IndexedDB, at 1x and 4x CPU throttling (median of 5 start-ups, 31 taps). Run by scripts/bench.
import {
  longestAfterFirstScreen,
  markFirstScreen,
  openAttendance,
  startUp,
  tapAttendance,
  tenYearsPhone,
} from "./ten-years.mjs";

const RUNS = 5;
// Taps vary with where in the 16.7 ms frame they fall: more of them, after
// a few that let the browser compile the code they run.
const TAPS = 31;
const WARM_UP = 3;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const quartiles = (xs) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 4)].toFixed(0)}–${sorted[Math.floor((sorted.length * 3) / 4)].toFixed(0)}`;
};

// Marks when each readwrite transaction completes.
function markCommits() {
  window.__commits = [];
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = open.apply(this, args);
    if (args[1] === "readwrite") tx.addEventListener("complete", () => window.__commits.push(performance.now()));
    return tx;
  };
}
const { server, browser, context, page, backupLength } = await tenYearsPhone(async (context) => {
  await markFirstScreen(context);
  await context.addInitScript(markCommits);
});

const stored = await page.evaluate(async () => {
  const db = await new Promise((ok) => { const r = indexedDB.open("zhibu"); r.onsuccess = () => ok(r.result); });
  const values = await new Promise((ok) => {
    const r = db.transaction("records").objectStore("records").getAll();
    r.onsuccess = () => ok(r.result);
  });
  db.close();
  const estimate = await navigator.storage.estimate();
  return { records: values.length, chars: values.reduce((n, v) => n + v.length, 0), idb: estimate.usageDetails?.indexedDB };
});
console.log(`10-year data: ${stored.records} records, ${(stored.chars / 1e6).toFixed(2)} M characters stored once` +
  (stored.idb ? `, IndexedDB on disk ${(stored.idb / 1e6).toFixed(2)} MB` : "") +
  `; the backup file is ${(backupLength / 1e6).toFixed(2)} MB`);

const cdp = await context.newCDPSession(page);
for (const rate of [1, 4]) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const startups = [];
  const after = [];
  for (let i = 0; i < RUNS; i++) {
    startups.push(await startUp(page, server.origin));
    after.push(await longestAfterFirstScreen(page));
  }
  await openAttendance(page, server.origin);
  const frames = [];
  const commits = [];
  for (let i = 0; i < WARM_UP + TAPS; i++) {
    await page.evaluate(() => (window.__commits = []));
    const { frame, tapped } = await tapAttendance(page, i);
    const commit = await page.evaluate(async (tapped) => {
      while (window.__commits.length === 0) await new Promise((ok) => setTimeout(ok, 1));
      return window.__commits[0] - tapped;
    }, tapped);
    if (i < WARM_UP) continue;
    frames.push(frame);
    commits.push(commit);
  }
  const longest = after.map((x) => (x ? x.toFixed(0) : "<50")).join(", ");
  // Issue #27's targets are for a phone at 4x CPU.
  const target = (text) => (rate === 4 ? ` (target ${text})` : "");
  console.log(`CPU ${rate}x: start-up to first screen ${ms(median(startups))}${target("≤ 400 ms")}, ` +
    `the longest task after it ${longest} ms; ` +
    `attendance tap to next frame ${ms(median(frames))}${target("≤ 16 ms")} (median of ${TAPS}, quartiles ${quartiles(frames)} ms), ` +
    `to committed in IndexedDB ${ms(median(commits))}`);
}
await browser.close();
await server.close();
