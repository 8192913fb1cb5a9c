// wasm-opt -Oz on every wasm file given, in one process: binaryen's npm
// build is JavaScript, and starting it once per chunk (hundreds of them)
// cost minutes. Same passes, levels and features as the command line.
//   node scripts/wasm-opt-all.mjs file.wasm...
// Exits non-zero naming the file it could not optimise.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import binaryen from "binaryen";
import { featureBits } from "./wasm-features.mjs";

const features = featureBits(binaryen);
// -Oz: optimize level 2, shrink level 2, no debug information (unless
// WASM_NAMES=1, scripts/optimise.mjs: the name section for profiling).
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(process.env.WASM_NAMES === "1");
let before = 0;
let after = 0;
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file);
  let output;
  try {
    const module = binaryen.readBinary(input);
    module.setFeatures(features);
    if (!module.validate()) throw new Error("the module does not validate");
    module.optimize();
    // Sections no browser reads (scripts/optimise.mjs).
    module.runPasses(["strip-producers", "strip-target-features"]);
    output = module.emitBinary();
    module.dispose();
  } catch (error) {
    console.error(`wasm-opt-all: could not optimise ${basename(file)}: ${error.message || error}`);
    process.exit(1);
  }
  writeFileSync(file, output);
  before += input.length;
  after += output.length;
}
console.log(`wasm-opt -Oz: ${process.argv.length - 2} files, ${before} → ${after} bytes`);
