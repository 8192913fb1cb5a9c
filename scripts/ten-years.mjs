// Ten years of a 30-member branch on a phone, for the scripts that time or
// profile it (bench-data.mjs, profile-tap.mjs, profile-startup.mjs,
// startup-timeline.mjs), what they read of a start-up and the attendance
// tap they time.
import { makeBackup, tenYears } from "../tests/e2e/backup-maker.mjs";
import { App, startServer, launch, PHONE } from "../tests/e2e/support.mjs";

/** The app from dist/ on a phone with ten years of data, imported as a
 * member would: `{ server, browser, context, page, backupLength }`.
 * `prepare` is given the context before its page opens (init scripts). */
export async function tenYearsPhone(prepare = async () => {}) {
  const server = await startServer();
  const browser = await launch();
  const context = await browser.newContext(PHONE);
  await prepare(context);
  const page = await context.newPage();
  const backupLength = await importTenYears(page, server.origin);
  return { server, browser, context, page, backupLength };
}

/** Welcomes `page` and imports ten years of data through 备份与交换, as a
 * member would; returns the backup file's length in characters. */
export async function importTenYears(page, origin) {
  await page.goto(origin + "/");
  await page.getByRole("button", { name: "开始使用" }).click();
  const backup = makeBackup(tenYears());
  await new App(page).importBackup(origin, backup);
  return backup.length;
}

/** Marks when the first screen with stored data is drawn (the home screen,
 * or a meeting's 签到 list) as `window.__ready`, in every page of `context`:
 * what a start-up is timed to. Also keeps when the page's last long task
 * ended (`window.__busyUntil`), for `startUp`, and the longest task that
 * began after the first screen (`window.__longestAfter`). */
export async function markFirstScreen(context) {
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(".home-header, .attendance-row")) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    window.__busyUntil = 0;
    window.__longestAfter = 0;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        window.__busyUntil = Math.max(window.__busyUntil, task.startTime + task.duration);
        if (window.__ready !== undefined && task.startTime >= window.__ready) {
          window.__longestAfter = Math.max(window.__longestAfter, task.duration);
        }
      }
    }).observe({ type: "longtask" });
  });
}

/** Opens the app again on `page` (marked by `markFirstScreen`) and returns
 * the ms until its first screen with data. It first lets the page that is
 * open finish what it does after its own first screen (reading the other
 * years and filing them, ~0.5 s at 4x): navigating in the middle of it made
 * the new page wait for the old one's task (30–75 ms of every start-up
 * while those tasks were 50–184 ms long, before they were read in slices),
 * a wait no member who opens the app meets. */
export async function startUp(page, origin) {
  await untilQuiet(page);
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__ready);
}

/** The longest task of `page`'s start-up after its first screen, once the
 * page is quiet (reading and filing the other years): how long a tap in
 * that time may wait at worst. 0 when no task took over 50 ms (the
 * browser reports longer ones only). */
export async function longestAfterFirstScreen(page) {
  await untilQuiet(page);
  return page.evaluate(() => window.__longestAfter);
}

/** Waits until `page` (marked by `markFirstScreen`) has run no long task for
 * 800 ms since its first screen. */
function untilQuiet(page) {
  const quiet = () => performance.now() - Math.max(window.__ready ?? 0, window.__busyUntil ?? 0) > 800;
  return page.waitForFunction(quiet, null, { polling: 100, timeout: 30000 });
}

/** When each file of `page`'s last start-up (the wasm and the JavaScript)
 * was in, from the resource timings: `[ms after navigation, file name]`. */
export async function filesIn(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => /\.(wasm|js)$/.test(e.name))
      .map((e) => [e.responseEnd, e.name.replace(/^.*\//, "")]),
  );
}

/** Opens the attendance list of the ten years' meeting whose taps are timed. */
export async function openAttendance(page, origin) {
  await page.goto(origin + "/meetings/y2026m11k4?s=attendance");
  await page.locator(".attendance-row").first().waitFor({ timeout: 60000 });
}

/** Taps 请假 or 缺席 (in turn, by `i`) beside the fourth name of the open
 * attendance list: `frame`, the ms until the next frame was drawn, and
 * `tapped`, when (the page's `performance.now()`), to time what follows. */
export function tapAttendance(page, i) {
  return page.evaluate(async (label) => {
    const row = document.querySelectorAll(".attendance-row")[3];
    const button = [...row.querySelectorAll("button")].find((b) => b.textContent === label);
    // The next frame: its animation-frame callbacks run before it is
    // drawn, and a task queued from the first of them runs after it
    // (asked for before the tap, so work the app itself puts off until
    // after that frame is not counted as part of it).
    const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const tapped = performance.now();
    button.click();
    await painted;
    return { frame: performance.now() - tapped, tapped };
  }, i % 2 === 0 ? "请假" : "缺席");
}
