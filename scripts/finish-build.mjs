// scripts/build's finishing step, after Trunk built the page into dist/:
// finishes dist/ around the split wasm that the earlier steps made
// (<target>/split/pkg).
//   node scripts/finish-build.mjs <dist> <pkg>
// - Puts the app's code in a folder named after its content, wasm-<hash>/:
//   the splitter's chunk names carry no hash, and a page of one build must
//   never load a chunk of another (an old tab after a new deploy gets a
//   404 and says so, instead of running mixed code).
// - Points the page's loader and preload hints at that folder, and gives
//   the page the code files each path needs next (split-manifest.json).
// - Writes the welcome screen, as the app renders it, into the page
//   (scripts/prerender-welcome.mjs).
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
import { welcomeMarkup } from "./prerender-welcome.mjs";
import { PATHS } from "./code-paths.mjs";

const [dir, pkg] = process.argv.slice(2);
if (!dir || !pkg) {
  console.error("usage: node scripts/finish-build.mjs <dist> <pkg>");
  process.exit(2);
}
if (!existsSync(join(pkg, "zhibu.js"))) {
  console.error(`finish-build: no ${join(pkg, "zhibu.js")}; build with scripts/build`);
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

const WELCOME = "<!--welcome: a new member's welcome screen, written in by scripts/finish-build.mjs-->";

const app = `wasm-${digest(files(pkg), pkg).slice(0, 16)}`;
// The manifest is the build's own record, not something the page loads.
cpSync(pkg, join(dir, app), { recursive: true, filter: (path) => !path.endsWith("split-manifest.json") });

const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
for (const placeholder of ["LOADER_HASH", "__APP__", "__LINK_PATH__", "__HOME_PATH__", WELCOME]) {
  if (!html.includes(placeholder)) {
    console.error(`finish-build: ${file} lacks the ${placeholder} placeholder (run the build from its page step)`);
    process.exit(1);
  }
}
// The code files each path fetches at once, beside the main module
// (index.html): its groups' files (scripts/code-paths.mjs), each with the
// files its loaders wait for.
const manifest = JSON.parse(readFileSync(join(pkg, "split-manifest.json"), "utf8"));
const fileOf = Object.fromEntries(Object.entries(manifest.merged).map(([file, { group }]) => [group, file]));
const paths = Object.fromEntries(
  Object.entries(PATHS).map(([path, groups]) => {
    const splits = groups.flatMap((group) => {
      if (!fileOf[group]) {
        console.error(`finish-build: the path ${path} names the group ${group}, which merge-chunks did not make`);
        process.exit(1);
      }
      return manifest.merged[fileOf[group]].splits;
    });
    return [path, [...new Set(splits.flatMap((split) => manifest.loads[split]))]];
  }),
);
html = html.replace("__HOME_PATH__", JSON.stringify(paths.home)).replace("__LINK_PATH__", JSON.stringify(paths.link));
// Trunk leaves its skipped rust link in the page; it means nothing there.
html = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/, "");
// The stylesheets Trunk put in the page, minified (Trunk inlines them as
// they are, comments and all).
html = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, css) =>
  `<style>${transformSync(css, { loader: "css", minify: true }).code.trim()}</style>`);
// The page's own scripts, minified too: their comments are for readers of
// index.html, not for every first load (~1 KB gzipped).
html = html.replace(/<script>([\s\S]*?)<\/script>/g, (_, js) =>
  `<script>${transformSync(js, { loader: "js", minify: true }).code.trim()}</script>`);
const allowed = allowInline(html.replaceAll("__APP__", app));
html = allowed.html;
writeFileSync(file, html);

// The welcome screen as the app renders it, painted by the first response
// for a new member; the app takes it over as it starts (browser/splash.rs).
// It is marked as not yet working, with a line a tap before then shows.
const welcome = await welcomeMarkup(dir);
if (!/^<main class="first-run">/.test(welcome) || / style=|<script/i.test(welcome)) {
  console.error(`finish-build: the app's welcome screen is not the markup this step writes into the page: ${welcome.slice(0, 120)}…`);
  process.exit(1);
}
html = html.replace(
  WELCOME,
  welcome
    .replace('<main class="first-run">', '<main class="first-run" data-static="" aria-busy="true">')
    .replace(/<\/main>$/, '<p class="static-wait" role="status" hidden="">正在打开…</p></main>'),
);
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
