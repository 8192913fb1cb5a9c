// Lighthouse's mobile run (its default: a mid-range phone on slow 4G, 4×
// CPU slowdown) against the release dist/ on a local server, five times
// (issue #27's targets are medians of five), in Debian's Chromium. Prints the median performance score, FCP, LCP and
// TBT, and the bytes the page loaded before it was interactive; then FCP
// and LCP of one run with the slow phone applied instead of simulated.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../../tests/e2e/support.mjs";

const runs = Number(process.env.RUNS || 5);
const server = await startServer();
/** One Lighthouse run; `settings` changes its configuration. */
async function run(settings = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const { lhr } = await lighthouse(`${server.origin}/`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      ...settings,
    });
    const a = lhr.audits;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories["best-practices"].score * 100),
      fcp: a["first-contentful-paint"].numericValue,
      lcp: a["largest-contentful-paint"].numericValue,
      tbt: a["total-blocking-time"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
      lcpBreakdown: lcpBreakdown(lhr),
    };
  } finally {
    await chrome.kill();
  }
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await run());
// Lighthouse's default simulates the slow phone from an unthrottled load,
// and counts every request that began before the LCP (the preloaded code)
// as holding it up; one run with the throttling applied for real says
// when the screen is actually painted on that phone.
const applied = await run({ throttlingMethod: "devtools" });
await server.close();
const median = (key) => {
  const sorted = results.map((r) => r[key]).sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`lighthouse mobile, median of ${runs}:`);
console.log(`  performance ${median("performance")} (target ≥ 98)  accessibility ${median("accessibility")}  best practices ${median("bestPractices")}`);
console.log(`  FCP ${(median("fcp") / 1000).toFixed(2)} s  LCP ${(median("lcp") / 1000).toFixed(2)} s (target ≤ 1.2 s)  TBT ${Math.round(median("tbt"))} ms`);
console.log(`  bytes transferred ${Math.round(median("bytes") / 1024)} KB (brotli: the precompressed files, as a host that serves them sends them)`);
console.log(`  runs: ${results.map((r) => r.performance).join(", ")}`);
console.log(`  LCP as observed before the simulation (first run): ${results[0]?.lcpBreakdown ?? "not reported"}`);
console.log(`  with slow 4G and 4x CPU applied, not simulated (one run): FCP ${(applied.fcp / 1000).toFixed(2)} s  LCP ${(applied.lcp / 1000).toFixed(2)} s`);

/** The parts of the LCP's time as observed in the unthrottled trace
 * (Lighthouse's LCP breakdown insight), before its simulation of a slow
 * phone: where a simulated LCP far above them comes from is the requests
 * the simulation puts before it. */
function lcpBreakdown(lhr) {
  const parts = [];
  const walk = (x) => {
    if (!x || typeof x !== "object") return;
    if (typeof x.subpart === "string" && typeof x.duration === "number") parts.push(`${x.label ?? x.subpart} ${Math.round(x.duration)} ms`);
    for (const v of Object.values(x)) walk(v);
  };
  walk(lhr.audits["lcp-breakdown-insight"]?.details);
  return parts.length ? parts.join(", ") : undefined;
}
