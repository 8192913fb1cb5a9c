// scripts/short-import-names.mjs: the glue's imports get short names in the
// wasm file and in the glue alike, so the module still instantiates with
// the glue's functions in the right places; a glue that does not name an
// import exactly once stops the build with that import's name.
import { test } from "node:test";
import assert from "node:assert/strict";
import binaryen from "binaryen";
import { renameImports, renameInGlue, shortName } from "../../scripts/short-import-names.mjs";

const MODULE = binaryen.parseText(`(module
  (import "./zhibu_bg.js" "__wbg_one_0123456789abcdef" (func $one (result i32)))
  (import "./__wasm_split.js" "__wasm_split_load_page_1" (func $load (result i32)))
  (import "./zhibu_bg.js" "__wbg_ten_fedcba9876543210" (func $ten (result i32)))
  (func (export "sum") (result i32)
    (i32.add (i32.add (call $one) (call $ten)) (call $load))))`);
const WASM = Buffer.from(MODULE.emitBinary());
MODULE.dispose();
// The glue's shape as wasm-bindgen and esbuild leave it.
const GLUE = `function L(){return{__proto__:null,"./zhibu_bg.js":{__proto__:null,__wbg_one_0123456789abcdef:function(){return 1},__wbg_ten_fedcba9876543210:function(){return 10}},"./__wasm_split.js":S}}`;
const SPLIT = { __wasm_split_load_page_1: () => 100 };

function instantiate(wasm, glue) {
  const imports = new Function("S", `${glue}; return L();`)(SPLIT);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), imports);
  return instance.exports.sum();
}

test("the renamed module runs with the renamed glue, each function where it was", () => {
  assert.equal(instantiate(WASM, GLUE), 111);
  const { wasm, renamed } = renameImports(WASM);
  const glue = renameInGlue(GLUE, renamed);
  assert.equal(instantiate(wasm, glue), 111);
  const names = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => `${i.module}.${i.name}`);
  assert.deepEqual(names, ["g.a", "./__wasm_split.js.__wasm_split_load_page_1", "g.b"]);
  assert.ok(wasm.length < WASM.length);
  assert.ok(!glue.includes("__wbg_"));
});

test("a glue that names an import twice or not at all is refused with its name", () => {
  const { renamed } = renameImports(WASM);
  const twice = GLUE.replace("return 1}", "return 1},x:__wbg_one_0123456789abcdef");
  assert.throws(() => renameInGlue(twice, renamed), /__wbg_one_0123456789abcdef 2 times, not once/);
  const without = GLUE.replace("__wbg_ten_fedcba9876543210:function(){return 10}", "");
  assert.throws(() => renameInGlue(without, renamed), /__wbg_ten_fedcba9876543210 0 times, not once/);
  const otherModule = GLUE.replace('"./zhibu_bg.js"', '"./app_bg.js"');
  assert.throws(() => renameInGlue(otherModule, renamed), /names its module "\.\/zhibu_bg\.js" 0 times/);
});

test("a file that is not wasm is refused", () => {
  assert.throws(() => renameImports(Buffer.from("not wasm at all")), /not a wasm file/);
});

test("short names are distinct identifiers, one letter first", () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, 3000);
  assert.deepEqual(names.slice(0, 2), ["a", "b"]);
  assert.equal(names[52], "aa");
  for (const name of names) assert.match(name, /^[a-zA-Z]+$/);
});
