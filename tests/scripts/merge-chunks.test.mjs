// scripts/merge-chunks.mjs: the splitter's chunks merged as the manifest
// says, and a stop with a clear message when the splitter's loader script
// is no longer in the shape the script was written for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import binaryen from "binaryen";
import { mergeDir } from "../../scripts/merge-chunks.mjs";
import { featureBits } from "../../scripts/wasm-features.mjs";
import { splitterOutput, RUNTIME } from "./splitter-output.mjs";

/** The imports of a wasm file, as "module.name". */
function imports(path) {
  const module = binaryen.readBinary(readFileSync(path));
  module.setFeatures(featureBits(binaryen));
  assert.ok(module.validate(), `${path} validates`);
  const found = [];
  const text = module.emitText();
  module.dispose();
  for (const m of text.matchAll(/\(import "([^"]+)" "([^"]+)"/g)) found.push(`${m[1]}.${m[2]}`);
  return found.sort();
}

test("the store's chunks go into its own file, the rest into one shared file, and each loader waits for the files its chunks went to", () => {
  const { dir } = splitterOutput();
  const said = mergeDir(dir, [["core", ["open_records"]]]);
  assert.match(said, /3 files into split_open_records_11\.wasm/);
  const files = readdirSync(dir).filter((f) => f.endsWith(".wasm")).sort();
  assert.deepEqual(files, ["chunk_shared.wasm", "split_meeting_page_view_22.wasm", "split_open_records_11.wasm"]);
  for (const file of ["chunk_shared.wasm", "split_open_records_11.wasm"]) {
    assert.deepEqual(imports(join(dir, file)), [
      "__wasm_split.__indirect_function_table",
      "__wasm_split.__stack_pointer",
      "__wasm_split.memory",
    ], `${file} imports each of the main module's exports once`);
  }
  const js = readFileSync(join(dir, "__wasm_split.js"), "utf8");
  assert.ok(js.startsWith(RUNTIME), "the splitter's runtime is kept as it was");
  const loaders = js.slice(RUNTIME.length);
  assert.match(loaders, /const __split_open_records_11 = makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/split_open_records_11\.wasm"[\s\S]*?, \[\]\);/);
  assert.match(loaders, /const __chunk_shared = makeLoad\([\s\S]*?"\.\/chunk_shared\.wasm"[\s\S]*?, \[\]\);/);
  assert.match(loaders, /export const __wasm_split_load_open_records_11 = wrapAsyncCb\(__split_open_records_11\);/);
  assert.match(loaders, /export const __wasm_split_load_meeting_page_view_22 = wrapAsyncCb\(makeLoad\([\s\S]*?"\.\/split_meeting_page_view_22\.wasm"[\s\S]*?, \[__split_open_records_11, __chunk_shared\]\)\);/);
  assert.match(loaders, /export const __wasm_split_load_talk_page_view_33 = wrapAsyncCb\(makeLoad\(\(\) => async \(_imp\) => \(\{\}\), \[__chunk_shared\]\)\);/);
  assert.doesNotMatch(loaders, /chunk_[012]\b/, "no loader names a chunk that was merged away");
  // The merged script still parses as a module.
  new Function(js.replace(/^import .*$/m, "").replace(/^export /gm, "").replaceAll("import.meta.url", '"x"'));
  const manifest = JSON.parse(readFileSync(join(dir, "split-manifest.json"), "utf8"));
  assert.deepEqual(Object.keys(manifest.merged).sort(), ["chunk_shared", "split_open_records_11"]);
  assert.deepEqual(manifest.loads, {
    open_records_11: ["split_open_records_11.wasm"],
    meeting_page_view_22: ["split_open_records_11.wasm", "chunk_shared.wasm", "split_meeting_page_view_22.wasm"],
    talk_page_view_33: ["chunk_shared.wasm"],
  }, "the files each split point's loader fetches");
  rmSync(dir, { recursive: true });
});

test("chunks two paths both need go into one file of their own, so neither path fetches the other's code", () => {
  const { dir } = splitterOutput();
  const said = mergeDir(dir, [
    ["core", ["open_records"]],
    ["common", { sharedBy: [["meeting_page_view", "open_records"], "talk_page_view"] }],
    ["meeting", ["meeting_page_view"]],
  ]);
  assert.match(said, /1 files into chunk_common\.wasm/);
  const files = readdirSync(dir).filter((f) => f.endsWith(".wasm")).sort();
  assert.deepEqual(files, ["chunk_common.wasm", "split_meeting_page_view_22.wasm", "split_open_records_11.wasm"],
    "every chunk has a home: no chunk_shared");
  const manifest = JSON.parse(readFileSync(join(dir, "split-manifest.json"), "utf8"));
  assert.deepEqual(manifest.loads, {
    open_records_11: ["split_open_records_11.wasm"],
    meeting_page_view_22: ["split_open_records_11.wasm", "chunk_common.wasm", "split_meeting_page_view_22.wasm"],
    talk_page_view_33: ["chunk_common.wasm"],
  }, "the talk page fetches the shared chunk, not the meeting page's file");
  rmSync(dir, { recursive: true });
  const again = splitterOutput();
  assert.throws(() => mergeDir(again.dir, [["common", { sharedBy: ["open_records", "talk_pages"] }]]),
    /group common: no split point named talk_pages_…/);
  rmSync(again.dir, { recursive: true });
});

test("a loader script of another shape stops the merge, saying what changed and which splitter it expected", () => {
  const changes = [
    ["a loader renamed", (js) => js.replace("export const __wasm_split_load_meeting_page_view_22", "export const __load_meeting_page_view_22"), /no loader `__wasm_split_load_meeting_page_view_22`/],
    ["a chunk declared another way", (js) => js.replace("const __chunk_1 = makeLoad(", "let __chunk_1 = makeLoad("), /no `const __chunk_1 = makeLoad\(…` for chunk_1\.wasm/],
    ["makeLoad renamed", (js) => js.replaceAll("makeLoad", "makeLoader"), /no `const __chunk_0 = makeLoad\(…`/],
    ["a file the manifest does not list", (js) => js.replace('"./chunk_2.wasm"', '"./chunk_9.wasm"'), /it loads chunk_9, which the manifest does not list/],
    ["an extra export", (js) => js + "export const extra = 1;\n", /4 exports for 3 split points/],
  ];
  for (const [what, change, message] of changes) {
    const { dir, js } = splitterOutput();
    writeFileSync(join(dir, "__wasm_split.js"), change(js));
    assert.throws(() => mergeDir(dir, [["core", ["open_records"]]]), (error) => {
      assert.match(error.message, /the splitter's __wasm_split\.js no longer has the shape this script reads \(wasm_split_cli_support 0\.2\.4/, what);
      assert.match(error.message, message, what);
      return true;
    });
    assert.ok(existsSync(join(dir, "chunk_0.wasm")), `${what}: nothing was merged`);
    rmSync(dir, { recursive: true });
  }
});

test("a group naming a split point that does not exist, or a file the manifest does not list, stops the merge", () => {
  const { dir } = splitterOutput();
  assert.throws(() => mergeDir(dir, [["core", ["open_store"]]]), /group core: no split point named open_store_…/);
  writeFileSync(join(dir, "chunk_7.wasm"), readFileSync(join(dir, "chunk_0.wasm")));
  assert.throws(() => mergeDir(dir, [["core", ["open_records"]]]), /the splitter wrote chunk_7, which the manifest does not list/);
  rmSync(dir, { recursive: true });
});
