// A small split directory shaped exactly as scripts/split writes it (the
// loader script follows wasm_split_cli_support 0.2.4's src/js.rs and its
// snippets), for the build scripts' tests.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import binaryen from "binaryen";

const fetcher = (file) => `() => {
    const src = fetch(new URL("./${file}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
`;

const RUNTIME = `import { initSync } from "./zhibu.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        sharedImports = { __wasm_split: {  } };
        const { __indirect_function_table, __stack_pointer, memory,  } = initSync(undefined, undefined);
        Object.assign(sharedImports.__wasm_split, { __indirect_function_table, __stack_pointer, memory,  });
    }
    return sharedImports;
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    return () => {
        if (loadingModule === undefined) {
            loadingModule = loader();
        }
        return loadingModule;
    }
}
`;

/** A wasm file as the splitter writes one: it imports the main module's
 * memory, table and stack pointer, and fills table slot `slot`. */
function piece(slot) {
  const module = binaryen.parseText(`(module
    (import "__wasm_split" "memory" (memory 17))
    (import "__wasm_split" "__indirect_function_table" (table 8 funcref))
    (import "__wasm_split" "__stack_pointer" (global (mut i32)))
    (func $f (result i32) (i32.const ${slot}))
    (elem (i32.const ${slot}) $f))`);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

/** The splits: the store (open_records), a page, and a page whose code is
 * all in chunks. Returns the directory and its manifest. */
export function splitterOutput() {
  const dir = mkdtempSync(join(tmpdir(), "zhibu-split-"));
  const splits = {
    open_records_11: { file: "split_open_records_11", chunks: ["chunk_0", "chunk_1"] },
    meeting_page_view_22: { file: "split_meeting_page_view_22", chunks: ["chunk_0", "chunk_2"] },
    talk_page_view_33: { file: null, chunks: ["chunk_2"] },
  };
  const manifest = { main: "zhibu.wasm", loader: "__wasm_split.js", splits: {} };
  let slot = 1;
  for (const [split, s] of Object.entries(splits)) {
    manifest.splits[split] = { export: `__wasm_split_load_${split}`, ...s };
    if (s.file) writeFileSync(join(dir, `${s.file}.wasm`), piece(slot++));
  }
  for (const chunk of ["chunk_0", "chunk_1", "chunk_2"]) writeFileSync(join(dir, `${chunk}.wasm`), piece(slot++));
  const needers = (chunk) => Object.keys(splits).filter((s) => splits[s].chunks.includes(chunk)).sort();
  let js = RUNTIME;
  for (const chunk of ["chunk_0", "chunk_1", "chunk_2"]) {
    js += `/* ${needers(chunk).join(", ")} */\n`;
    js += `const __${chunk} = makeLoad(${fetcher(chunk)}, []);\n`;
  }
  for (const [split, s] of Object.entries(splits).reverse()) {
    const own = s.file ? fetcher(s.file) : "() => async (_imp) => ({})";
    js += `export const __wasm_split_load_${split} = wrapAsyncCb(makeLoad(${own}, [${s.chunks.map((c) => `__${c}`).join(", ")}]));\n`;
  }
  writeFileSync(join(dir, "__wasm_split.js"), js);
  writeFileSync(join(dir, "split-manifest.json"), JSON.stringify(manifest, null, 2));
  return { dir, manifest, js };
}

export { RUNTIME };
