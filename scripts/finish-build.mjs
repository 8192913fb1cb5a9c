// Trunk post-build hook: finishes dist/ around the split wasm that
// scripts/build made before Trunk ran (target/split/pkg).
// - Puts the app's code in a folder named after its content, wasm-<hash>/:
//   the splitter's chunk names carry no hash, and a page of one build must
//   never load a chunk of another (an old tab after a new deploy gets a
//   404 and says so, instead of running mixed code).
// - Points the page's loader and preload hints at that folder.
// - Minifies the stylesheets inlined in the page, and puts the SHA-256 of
//   the inline scripts and stylesheets into the Content-Security-Policy, so
//   no other inline script or style can run.
// - Writes 404.html, so static hosts that serve it for unknown paths open
//   the app on any route.
// - Gives the service worker the list of files to keep for offline use and
//   a version that changes with any file's content.
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { transformSync } from "esbuild";
import { allowInline } from "./inline-hashes.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";
const pkg = new URL("../target/split/pkg/", import.meta.url).pathname;
if (!existsSync(join(pkg, "zhibu.js"))) {
  console.error("finish-build: no target/split/pkg/zhibu.js; build with scripts/build");
  process.exit(1);
}

const files = (root) =>
  readdirSync(root, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(root, e.name)) : [join(root, e.name)],
  );
const digest = (paths, base) => {
  const hash = createHash("sha256");
  for (const path of paths.sort()) hash.update(relative(base, path)).update(readFileSync(path));
  return hash.digest("hex");
};

const app = `wasm-${digest(files(pkg), pkg).slice(0, 16)}`;
cpSync(pkg, join(dir, app), { recursive: true });

const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
if (!html.includes("LOADER_HASH") || !html.includes("__APP__")) {
  console.error("finish-build: index.html lacks the LOADER_HASH or __APP__ placeholder");
  process.exit(1);
}
// Trunk leaves its skipped rust link in the page; it means nothing there.
html = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
// The stylesheets Trunk put in the page, minified (Trunk inlines them as
// they are, comments and all).
html = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) =>
  `<style>${transformSync(css, { loader: "css", minify: true }).code.trim()}</style>`);
const allowed = allowInline(html.replaceAll("__APP__", app));
html = allowed.html;
writeFileSync(file, html);
writeFileSync(join(dir, "404.html"), html);

// Relative to the service worker, which sits next to index.html wherever
// the app is hosted.
const assets = files(dir)
  .map((path) => relative(dir, path))
  .filter((f) => /\.(js|wasm|css|svg|png|webmanifest|html)$/.test(f) && f !== "sw.js" && f !== "404.html")
  .sort();
const version = digest(assets.map((f) => join(dir, f)), dir).slice(0, 12);
const sw = readFileSync(join(dir, "sw.js"), "utf8")
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(assets));
writeFileSync(join(dir, "sw.js"), sw);
console.log(`finish-build: ${app}, ${assets.length} files kept offline, ${allowed.count} inline script(s) and stylesheet(s) allowed`);
