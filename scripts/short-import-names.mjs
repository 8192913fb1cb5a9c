// Gives the main module's imports from the JavaScript glue short names,
// in the wasm file and in the glue alike. wasm-bindgen names each import
// after its function and a 16-digit hash (`__wbg_hasAttribute_3f271bd99815d507`):
// about 300 of them, which no compressor shrinks, cost ~6 KB gzipped on
// the first load of every screen. Names only: which function is which is
// by position in the wasm file, unchanged.
//   node scripts/short-import-names.mjs <wasm file> <glue js file>
// Fails, changing nothing, when the glue does not name each import exactly
// once (wasm-bindgen's output changed shape) or the wasm file is not one
// it can read.
import { readFileSync, writeFileSync } from "node:fs";
import { wasmReader } from "./wasm-features.mjs";

/** The glue's module name for its own imports. */
export const GLUE_MODULE = "./zhibu_bg.js";
const SHORT_MODULE = "g";

/** "a", "b", …, "Z", "aa", "ab", …: short names that are JS identifiers. */
export function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/** `n` as an unsigned LEB128 number. */
function lebBytes(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

function nameBytes(text) {
  const utf8 = Buffer.from(text, "utf8");
  return Buffer.concat([lebBytes(utf8.length), utf8]);
}

/** The wasm file with the glue's imports renamed, and the names given. */
export function renameImports(wasm) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm file");
  const { leb: readLeb, position, importEntry, sections } = wasmReader(wasm);
  const renamed = new Map();
  const out = sections((id, start, end) => {
    if (id !== 2) return undefined;
    const count = readLeb();
    const parts = [lebBytes(count)];
    for (let i = 0; i < count; i++) {
      const { module, field, descStart, descEnd } = importEntry();
      const desc = wasm.subarray(descStart, descEnd);
      if (module === GLUE_MODULE) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        parts.push(nameBytes(SHORT_MODULE), nameBytes(renamed.get(field)), desc);
      } else {
        parts.push(nameBytes(module), nameBytes(field), desc);
      }
    }
    if (position() !== end) throw new Error("the import section is not the size it says");
    const body = Buffer.concat(parts);
    return Buffer.concat([wasm.subarray(0, start), Buffer.from([2]), lebBytes(body.length), body, wasm.subarray(end)]);
  });
  return { wasm: out ?? wasm, renamed };
}

/** The glue with the same names: each import's key must stand exactly once. */
export function renameInGlue(js, renamed) {
  const token = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  const moduleKey = JSON.stringify(GLUE_MODULE);
  const moduleCount = js.split(moduleKey).length - 1;
  if (moduleCount !== 1) {
    throw new Error(`the glue names its module ${moduleKey} ${moduleCount} times, not once: wasm-bindgen's output changed shape`);
  }
  let out = js.replace(moduleKey, JSON.stringify(SHORT_MODULE));
  for (const [old, short] of renamed) {
    const found = out.match(token(old))?.length ?? 0;
    if (found !== 1) {
      throw new Error(`the glue names the import ${old} ${found} times, not once: wasm-bindgen's output changed shape`);
    }
    out = out.replace(token(old), short);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [wasmFile, jsFile] = process.argv.slice(2);
  if (!wasmFile || !jsFile) {
    console.error("usage: node scripts/short-import-names.mjs <wasm file> <glue js file>");
    process.exit(2);
  }
  try {
    const before = readFileSync(wasmFile);
    const { wasm, renamed } = renameImports(before);
    const js = renameInGlue(readFileSync(jsFile, "utf8"), renamed);
    writeFileSync(wasmFile, wasm);
    writeFileSync(jsFile, js);
    console.log(`short import names: ${renamed.size} imports, ${before.length} → ${wasm.length} bytes`);
  } catch (error) {
    console.error(`short-import-names: ${error.message}`);
    process.exit(1);
  }
}
