// Trunk post-build hook: puts the SHA-256 of the inline module loader that
// Trunk writes into the page's Content-Security-Policy, so no other inline
// script can run. Also writes 404.html, so static hosts that serve it for
// unknown paths open the app on any route.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
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
console.log(`csp-hash: ${hashes.length} inline script(s) allowed`);
