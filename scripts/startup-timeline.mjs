// When each step of a start-up happens, on ten years of data at 4x CPU:
// the files in, the page parsed, each wasm module instantiated, the store
// opened and its records read (IndexedDB's answers), the first screen
// drawn. No profiler runs, so the times are the start-up's own; the
// third of three start-ups is shown (files from the cache, as on a phone
// that opened the app before). Where scripts/profile-startup.mjs says what
// ran, this says what waited for what.
//   node scripts/startup-timeline.mjs [rate]
import { filesIn, markFirstScreen, startUp, tenYearsPhone } from "./ten-years.mjs";

const RATE = Number(process.argv[2] ?? 4);
// What the page waited for, as `window.__steps`: [ms, what] for each call
// asked and answered, and the page parsed.
function watchSteps() {
  const steps = (window.__steps = []);
  const at = (what) => steps.push([performance.now(), what]);
  // Each call and when its answer came.
  const watch = (owner, method, label) => {
    const original = owner[method];
    owner[method] = function (...args) {
      const url = String(args[0]?.url ?? args[0] ?? "");
      const name = /\.wasm$/.test(url) ? `${label} ${url.replace(/^.*\//, "")}` : label;
      const store = this instanceof IDBObjectStore ? ` (${this.name})` : "";
      at(`${name}${store} asked`);
      const result = original.apply(this, args);
      if (typeof result?.then === "function") result.then(() => at(`${name}${store} answered`), () => at(`${name}${store} failed`));
      else if (result instanceof IDBRequest) result.addEventListener("success", () => at(`${name}${store} answered`));
      return result;
    };
  };
  watch(WebAssembly, "instantiateStreaming", "wasm instantiated");
  watch(WebAssembly, "instantiate", "wasm instantiated");
  watch(window, "fetch", "fetch");
  watch(indexedDB, "open", "IndexedDB open");
  watch(IDBObjectStore.prototype, "getAll", "IndexedDB getAll");
  watch(IDBObjectStore.prototype, "getAllKeys", "IndexedDB getAllKeys");
  watch(IDBObjectStore.prototype, "get", "IndexedDB get");
  document.addEventListener("DOMContentLoaded", () => at("the page parsed (DOMContentLoaded)"));
}
const { server, browser, context, page } = await tenYearsPhone(async (context) => {
  await markFirstScreen(context);
  await context.addInitScript(watchSteps);
});
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
for (let i = 0; i < 3; i++) await startUp(page, server.origin);
const files = (await filesIn(page)).map(([ms, file]) => [ms, `file in: ${file}`]);
const [html, marked, ready] = await page.evaluate(() => [
  [performance.getEntriesByType("navigation")[0].responseEnd, "the page's HTML in"],
  window.__steps,
  [window.__ready, "FIRST SCREEN WITH DATA DRAWN"],
]);
const steps = [html, ...files, ...marked, ready];
await browser.close();
await server.close();
console.log(`CPU ${RATE}x, ten years of data, the third start-up: ms after navigation`);
for (const [ms, what] of steps.sort((a, b) => a[0] - b[0])) console.log(`${ms.toFixed(0).padStart(6)}  ${what}`);
