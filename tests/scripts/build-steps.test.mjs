// scripts/build checks every step: a wasm-opt that fails (on the main
// module or on a chunk) stops the build with the step's name and the part
// that failed, instead of shipping an unoptimised module. Runs only the
// optimising step (`--from optimise --to optimise`) in a target directory
// of its own (CARGO_TARGET_DIR), so it takes seconds and leaves dist/ alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import binaryen from "binaryen";

const BUILD = new URL("../../scripts/build", import.meta.url).pathname;

function wasm(text) {
  const module = binaryen.parseText(text);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}
const GOOD_MAIN = wasm('(module (memory (export "memory") 1) (func (export "f") (result i32) (i32.add (i32.const 1) (i32.const 2))))');
const GOOD_CHUNK = wasm('(module (import "__wasm_split" "memory" (memory 1)) (func (export "g") (result i32) (i32.const 7)))');
const BROKEN = Buffer.from("\0asm\x01\0\0\0this is not a module");

/** Runs the optimising step on a pkg directory holding `files`. */
function optimise(files) {
  const target = mkdtempSync(join(tmpdir(), "zhibu-build-"));
  const pkg = join(target, "split", "pkg");
  mkdirSync(pkg, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(pkg, name), bytes);
  const run = spawnSync(BUILD, ["--from", "optimise", "--to", "optimise"], {
    env: { ...process.env, CARGO_TARGET_DIR: target },
    encoding: "utf8",
  });
  const out = Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(pkg, name))]));
  const sizes = Object.fromEntries(Object.entries(out).map(([name, bytes]) => [name, bytes.length]));
  rmSync(target, { recursive: true });
  return { status: run.status, said: run.stderr + run.stdout, sizes, out };
}

test("a wasm-opt that fails on the main module fails scripts/build, naming the step and the module", () => {
  const { status, said } = optimise({ "zhibu_bg.wasm": BROKEN, "chunk_shared.wasm": GOOD_CHUNK });
  assert.notEqual(status, 0, said);
  assert.match(said, /optimise: wasm-opt on the main module \(zhibu_bg\.wasm\) failed/);
  assert.match(said, /scripts\/build: step "optimise" failed/);
});

test("a wasm-opt that fails on a chunk fails scripts/build, naming the step and the chunk", () => {
  const { status, said } = optimise({ "zhibu_bg.wasm": GOOD_MAIN, "chunk_shared.wasm": GOOD_CHUNK, "split_page_1.wasm": BROKEN });
  assert.notEqual(status, 0, said);
  assert.match(said, /could not optimise split_page_1\.wasm/);
  assert.match(said, /optimise: wasm-opt on the 2 split files and chunks failed/);
  assert.match(said, /scripts\/build: step "optimise" failed/);
});

test("the optimising step succeeds on good modules and makes them no larger", () => {
  const { status, said, sizes } = optimise({ "zhibu_bg.wasm": GOOD_MAIN, "chunk_shared.wasm": GOOD_CHUNK });
  assert.equal(status, 0, said);
  assert.ok(sizes["zhibu_bg.wasm"] <= GOOD_MAIN.length);
  assert.ok(sizes["chunk_shared.wasm"] <= GOOD_CHUNK.length);
});

/** `bytes` with a custom section `name` appended, as rustc's linker writes
 * producers and target_features. */
function withSection(bytes, name, body) {
  const content = [name.length, ...Buffer.from(name), ...body];
  return Buffer.concat([Buffer.from(bytes), Buffer.from([0, content.length, ...content])]);
}
const customSections = (bytes) =>
  ["producers", "target_features"].filter((name) => WebAssembly.Module.customSections(new WebAssembly.Module(bytes), name).length > 0);

test("the optimised files carry no producers or target_features section, which no browser reads", () => {
  const dressed = (bytes) => withSection(withSection(bytes, "producers", [0]), "target_features", [1, 0x2b, 8, ...Buffer.from("sign-ext")]);
  const main = dressed(GOOD_MAIN);
  assert.deepEqual(customSections(main), ["producers", "target_features"], "the test's module has both sections");
  const { status, said, out } = optimise({ "zhibu_bg.wasm": main, "split_page_1.wasm": dressed(GOOD_MAIN) });
  assert.equal(status, 0, said);
  assert.deepEqual(customSections(out["zhibu_bg.wasm"]), []);
  assert.deepEqual(customSections(out["split_page_1.wasm"]), []);
});

test("an unknown step is refused with the list of steps", () => {
  const run = spawnSync(BUILD, ["--from", "optimize"], { encoding: "utf8" });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no step 'optimize'; the steps are: link split merge bindgen minify optimise page finish compress/);
});
