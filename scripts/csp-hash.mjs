// Trunk post-build hook: puts the SHA-256 of the inline module loader that
// Trunk writes into the page's Content-Security-Policy, so no other inline
// script can run. Also writes 404.html, so static hosts that serve it for
// unknown paths open the app on any route, and gives the service worker the
// list of files to keep for offline use.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0]) && m[1].trim() !== "")
  .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
if (!html.includes("LOADER_HASH")) {
  console.error("csp-hash: no LOADER_HASH placeholder in index.html");
  process.exit(1);
}
html = html.replace("LOADER_HASH", hashes.join(" "));
writeFileSync(file, html);
writeFileSync(join(dir, "404.html"), html);

// Relative to the service worker, which sits next to index.html wherever
// the app is hosted.
const assets = ["index.html", ...readdirSync(dir)
  .filter((f) => /\.(js|wasm|css|svg|png|webmanifest)$/.test(f) && f !== "sw.js")
  .sort()];
const version = createHash("sha256").update(assets.join("\n") + html).digest("hex").slice(0, 12);
const sw = readFileSync(join(dir, "sw.js"), "utf8")
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(assets));
writeFileSync(join(dir, "sw.js"), sw);
console.log(`csp-hash: ${hashes.length} inline script(s) allowed`);
