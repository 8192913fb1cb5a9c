// scripts/wasm-features.mjs: the one list of features, and a linked wasm
// that uses a feature the list lacks stops the build naming it.
import { test } from "node:test";
import assert from "node:assert/strict";
import binaryen from "binaryen";
import { FLAGS, FEATURES, checkUsed, featureBits, usedFeatures } from "../../scripts/wasm-features.mjs";

/** A module with a target_features section, as rustc's linker writes it. */
function linked(features) {
  const name = (text) => [text.length, ...Buffer.from(text)];
  const body = [...name("target_features"), features.length, ...features.flatMap((f) => [0x2b, ...name(f)])];
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, body.length, ...body]);
}

test("the flags and binaryen's features are the same list", () => {
  assert.equal(FLAGS.length, FEATURES.length);
  assert.ok(FLAGS.includes("--enable-reference-types"));
  const bits = featureBits(binaryen);
  for (const [, key] of FEATURES) assert.ok(bits & binaryen.Features[key], key);
});

test("the features a linked module says it uses are read, in binaryen's names", () => {
  assert.deepEqual(usedFeatures(linked(["bulk-memory", "nontrapping-fptoint", "sign-ext"])), [
    "bulk-memory",
    "nontrapping-float-to-int",
    "sign-ext",
  ]);
  assert.equal(usedFeatures(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), null);
});

test("a module using a feature the list lacks is refused, naming the feature", () => {
  assert.doesNotThrow(() => checkUsed(linked(["multivalue", "reference-types"]), "zhibu.wasm"));
  assert.throws(() => checkUsed(linked(["multivalue", "simd128"]), "zhibu.wasm"), /zhibu\.wasm uses WebAssembly features the build's tools do not allow: simd128/);
});
