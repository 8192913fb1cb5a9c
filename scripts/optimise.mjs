// scripts/build's optimising step: wasm-opt -Oz on the main module (the
// command line: its -Oz is a little smaller) and, at the same time, on
// every split file and chunk (scripts/wasm-opt-all.mjs, one process).
//   node scripts/optimise.mjs <pkg dir>
// Both drop the producers and target_features sections, which no browser
// reads (the link step checked the features already). Both must succeed:
// a module that was not optimised is larger and may still load, so a
// failure here would otherwise ship silently. Exits non-zero and says
// which part failed.
// WASM_NAMES=1 keeps the name section (wasm-opt -g) so that a CPU profile
// names the Rust functions: for profiling only, the files are larger.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { FLAGS } from "./wasm-features.mjs";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/optimise.mjs <pkg dir>");
  process.exit(2);
}
const tools = new URL("../node_modules/.bin/", import.meta.url).pathname;
const main = join(dir, "zhibu_bg.wasm");
const pieces = readdirSync(dir)
  .filter((f) => /^(split|chunk)_.*\.wasm$/.test(f))
  .sort()
  .map((f) => join(dir, f));

// binaryen warns about the name section's subsections it does not know:
// noise, the names go anyway.
const noise = /unknown name subsection/;
const names = process.env.WASM_NAMES === "1" ? ["-g"] : [];
function run(what, command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (data) => (errors += data));
    child.on("error", (error) => resolve({ what, ok: false, why: error.message }));
    child.on("close", (code, signal) => {
      const said = errors.split("\n").filter((l) => l.trim() && !noise.test(l)).join("\n");
      if (said) process.stderr.write(said + "\n");
      resolve({ what, ok: code === 0, why: signal ? `killed by ${signal}` : `exit ${code}` });
    });
  });
}

const results = await Promise.all([
  run("wasm-opt on the main module (zhibu_bg.wasm)", join(tools, "wasm-opt"), ["-Oz", ...names, ...FLAGS, "--strip-producers", "--strip-target-features", main, "-o", main]),
  pieces.length > 0
    ? run(`wasm-opt on the ${pieces.length} split files and chunks`, process.execPath, [
        new URL("./wasm-opt-all.mjs", import.meta.url).pathname,
        ...pieces,
      ])
    : { ok: true },
]);
const failed = results.filter((r) => !r.ok);
for (const f of failed) console.error(`optimise: ${f.what} failed (${f.why})`);
process.exit(failed.length > 0 ? 1 : 0);
