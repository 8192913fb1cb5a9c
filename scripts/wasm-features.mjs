// The WebAssembly features the build's wasm tools (wasm-opt, wasm-merge)
// allow: the one list. They are what rustc's wasm32-unknown-unknown target
// emits (LLVM's generic CPU since Rust 1.87); a tool that does not allow a
// feature the code uses refuses the module or, worse, rewrites it into
// something the browser rejects at start.
//   node scripts/wasm-features.mjs                 prints the command-line flags
//   node scripts/wasm-features.mjs --check <wasm>  checkUsed() on a file
//
// checkUsed() compares the list with what the linked wasm says it uses
// (its target_features section), so a new rustc that emits a new feature
// fails the build with its name instead of a broken module.

/** [command-line name, binaryen.Features key] */
export const FEATURES = [
  ["bulk-memory", "BulkMemory"],
  ["bulk-memory-opt", "BulkMemoryOpt"],
  ["call-indirect-overlong", "CallIndirectOverlong"],
  ["multivalue", "Multivalue"],
  ["mutable-globals", "MutableGlobals"],
  ["nontrapping-float-to-int", "NontrappingFPToInt"],
  ["reference-types", "ReferenceTypes"],
  ["sign-ext", "SignExt"],
];

/** Flags for wasm-opt and wasm-merge on the command line. */
export const FLAGS = FEATURES.map(([name]) => `--enable-${name}`);

/** The same features for binaryen's JavaScript API. */
export function featureBits(binaryen) {
  return FEATURES.reduce((bits, [name, key]) => {
    if (typeof binaryen.Features[key] !== "number") {
      throw new Error(`wasm-features: binaryen has no feature ${key} (for ${name}); see scripts/versions`);
    }
    return bits | binaryen.Features[key];
  }, 0);
}

// LLVM's names in the target_features section where they differ from
// binaryen's.
const LLVM_NAMES = { "nontrapping-fptoint": "nontrapping-float-to-int" };

/** Reads a wasm binary from just after its header: `byte()` one byte,
 * `leb()` an unsigned LEB128 number, `name()` a UTF-8 name, `position()`
 * and `skip(n)`, `importEntry()` one entry of the import section (its
 * descriptor skipped, its bytes from `descStart` to `descEnd`), and
 * `sections(read)`, which calls `read(id, start, end)` at the start of each
 * section's content (`start` is where its id byte stands, `end` where it
 * ends) until it returns something, and gives that (undefined if no
 * section did). */
export function wasmReader(bytes) {
  let at = 8;
  const byte = () => bytes[at++];
  const leb = () => {
    let value = 0;
    let shift = 0;
    let next;
    do {
      next = byte();
      value += (next & 0x7f) * 2 ** shift;
      shift += 7;
    } while (next & 0x80);
    return value;
  };
  const name = () => {
    const length = leb();
    const text = Buffer.from(bytes.subarray(at, at + length)).toString("utf8");
    at += length;
    return text;
  };
  const limits = () => {
    const flags = byte();
    leb();
    if (flags & 1) leb();
  };
  // A value type; (ref null ht) and (ref ht) carry a heap type.
  const valueType = () => {
    const type = byte();
    if (type === 0x63 || type === 0x64) leb();
  };
  const importEntry = () => {
    const module = name();
    const field = name();
    const descStart = at;
    const kind = byte();
    if (kind === 0) leb();
    else if (kind === 1) (valueType(), limits());
    else if (kind === 2) limits();
    else if (kind === 3) (valueType(), byte());
    else if (kind === 4) (byte(), leb());
    else throw new Error(`import ${module}.${field} is of a kind not known here (${kind})`);
    return { module, field, kind, descStart, descEnd: at };
  };
  const sections = (read) => {
    while (at < bytes.length) {
      const start = at;
      const id = byte();
      const size = leb();
      const end = at + size;
      const found = read(id, start, end);
      if (found !== undefined) return found;
      at = end;
    }
    return undefined;
  };
  const position = () => at;
  const skip = (n) => {
    at += n;
  };
  return { byte, leb, name, position, skip, importEntry, sections };
}

/** The features a linked wasm binary says it uses ('+' entries of its
 * target_features custom section), or null when it has no such section. */
export function usedFeatures(bytes) {
  const { byte, leb, name, sections } = wasmReader(bytes);
  const used = sections((id) => {
    if (id !== 0 || name() !== "target_features") return undefined;
    const found = [];
    for (let count = leb(); count > 0; count--) {
      const prefix = String.fromCharCode(byte());
      const feature = name();
      if (prefix === "+") found.push(LLVM_NAMES[feature] || feature);
    }
    return found;
  });
  return used ?? null;
}

/** Throws, naming them, when the wasm uses features the list lacks. */
export function checkUsed(bytes, what) {
  const used = usedFeatures(bytes);
  if (used === null) return;
  const allowed = new Set(FEATURES.map(([name]) => name));
  const missing = used.filter((f) => !allowed.has(f));
  if (missing.length > 0) {
    throw new Error(
      `${what} uses WebAssembly features the build's tools do not allow: ${missing.join(", ")}. ` +
        "Add them to scripts/wasm-features.mjs if every browser the app supports has them.",
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === "--check") {
    const { readFileSync } = await import("node:fs");
    try {
      checkUsed(readFileSync(process.argv[3]), process.argv[3]);
    } catch (error) {
      console.error(`wasm-features: ${error.message}`);
      process.exit(1);
    }
  } else {
    console.log(FLAGS.join(" "));
  }
}
