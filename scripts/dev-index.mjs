// Writes the development loop's page (scripts/dev) from index.html: the
// same page, with Trunk building and loading the unsplit debug wasm itself
// (the release page's code is placed by scripts/build), without the
// Content-Security-Policy (Trunk's live reload runs an inline script) and
// without the service worker (a development page must never be served
// from a cache).
//   node scripts/dev-index.mjs <out.html>
import { readFileSync, writeFileSync } from "node:fs";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/dev-index.mjs <out.html>");
  process.exit(2);
}
let html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
const replace = (pattern, by, what) => {
  if (!pattern.test(html)) {
    console.error(`dev-index: index.html no longer has ${what}; update scripts/dev-index.mjs`);
    process.exit(1);
  }
  html = html.replace(pattern, by);
};
replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "", "the Content-Security-Policy");
replace(/<link data-trunk rel="rust" data-trunk-skip>/, '<link data-trunk rel="rust" data-bin="zhibu" data-type="main">', "the skipped rust link");
replace(/\s*<link rel="modulepreload" href="__APP__[^>]*>/g, "", "the release code's preload hints");
replace(/\s*<link rel="preload" href="__APP__[^>]*>/g, "", "the release wasm's preload hint");
replace(/\s*<script type="module">import init from "\.\/__APP__\/zhibu\.js"[^<]*<\/script>/, "", "the release code's loader");
replace(/\s*<link data-trunk rel="copy-file" href="public\/sw\.js">/, "", "the service worker");
// No split code to fetch ahead, and no code folder.
replace(/__LINK_PATH__/, "[]", "the link path's preload list");
replace(/__HOME_PATH__/, "[]", "the home path's preload list");
html = html.replaceAll("__APP__", ".");
// Paths in the page are relative to it: the page sits in the repository's
// root like index.html.
writeFileSync(out, html);
