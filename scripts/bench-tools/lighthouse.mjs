// Lighthouse's mobile run (its default: a mid-range phone on slow 4G, 4×
// CPU slowdown) against the release dist/ on a local server, three times,
// in Debian's Chromium. Prints the median performance score, FCP, LCP and
// TBT, and the bytes the page loaded before it was interactive.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../../tests/e2e/support.mjs";

const runs = Number(process.env.RUNS || 3);
const server = await startServer();
const results = [];
for (let i = 0; i < runs; i++) {
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
    });
    const a = lhr.audits;
    results.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories["best-practices"].score * 100),
      fcp: a["first-contentful-paint"].numericValue,
      lcp: a["largest-contentful-paint"].numericValue,
      tbt: a["total-blocking-time"].numericValue,
      bytes: a["total-byte-weight"].numericValue,
    });
  } finally {
    await chrome.kill();
  }
}
await server.close();
const median = (key) => {
  const sorted = results.map((r) => r[key]).sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`lighthouse mobile, median of ${runs}:`);
console.log(`  performance ${median("performance")}  accessibility ${median("accessibility")}  best practices ${median("bestPractices")}`);
console.log(`  FCP ${(median("fcp") / 1000).toFixed(2)} s  LCP ${(median("lcp") / 1000).toFixed(2)} s  TBT ${Math.round(median("tbt"))} ms`);
console.log(`  bytes transferred ${Math.round(median("bytes") / 1024)} KB (brotli: the precompressed files, as a host that serves them sends them)`);
console.log(`  runs: ${results.map((r) => r.performance).join(", ")}`);
