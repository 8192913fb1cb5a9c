// scripts/dev-index.mjs: the development loop's page is index.html with
// Trunk building the unsplit wasm, and nothing of the release build's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("the development page builds the crate with Trunk and keeps none of the release build's placeholders", () => {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-dev-"));
  const out = join(dir, "index.html");
  execFileSync(process.execPath, [new URL("../../scripts/dev-index.mjs", import.meta.url).pathname, out]);
  const html = readFileSync(out, "utf8");
  rmSync(dir, { recursive: true });
  assert.match(html, /<link data-trunk rel="rust" data-bin="zhibu" data-type="main">/);
  for (const gone of ["__APP__", "__LINK_PATH__", "__HOME_PATH__", "LOADER_HASH", "Content-Security-Policy", "public/sw.js"]) {
    assert.ok(!html.includes(gone), `no ${gone}`);
  }
  assert.match(html, /<link data-trunk rel="inline" type="css" href="style\/app\.css">/, "the same stylesheets");
  assert.match(html, /id="splash"/, "the same splash");
});
