// wasm-opt -Oz on every wasm file given, in one process: binaryen's npm
// build is JavaScript, and starting it once per chunk (hundreds of them)
// cost minutes. Same passes, levels and features as the command line.
//   node scripts/wasm-opt-all.mjs file.wasm...
import { readFileSync, writeFileSync } from "node:fs";
import binaryen from "binaryen";

const features =
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.CallIndirectOverlong |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SignExt |
  binaryen.Features.MutableGlobals |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue;
// -Oz: optimize level 2, shrink level 2, no debug information.
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
let before = 0;
let after = 0;
for (const file of process.argv.slice(2)) {
  const input = readFileSync(file);
  const module = binaryen.readBinary(input);
  module.setFeatures(features);
  module.optimize();
  const output = module.emitBinary();
  module.dispose();
  writeFileSync(file, output);
  before += input.length;
  after += output.length;
}
console.log(`wasm-opt -Oz: ${process.argv.length - 2} files, ${before} → ${after} bytes`);
