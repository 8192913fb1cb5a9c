// Merges the splitter's chunks into two files, after wasm-split-cli and
// before wasm-opt:
//   node scripts/merge-chunks.mjs <split dir> <core split>
//
// The splitter (wasm_split_cli_support 0.2.4) puts code that several lazy
// parts share into one chunk per set of parts that share it: about 500
// chunks, 55 of them loaded with the store and 280 with the meeting page.
// Each chunk costs a fetch and an instantiation on the main thread (about
// 7 ms on a slow phone), so opening the store took 400 ms of loading alone.
//
// Nothing of the app runs before the store (the core split): its page
// shows stored data, and the welcome screen needs no lazy code. So:
//   - every chunk the core needs goes into the core's own file;
//   - every other chunk goes into one file, chunk_shared.wasm;
//   - each split's loader waits for the merged files its chunks went to.
// A member with data then starts with two code files (the first screen's
// and the core's), and a page adds its own and the shared one.
//
// This works because a chunk only imports the main module's memory, table
// and stack pointer, and instantiating it only fills its table slots and
// data: no chunk needs another to be instantiated first, only to be there
// before its functions are called, which the loaders' dependencies keep.
// wasm-merge joins the chunks; a small hub module that exports the three
// imports makes the merged file import each of them once.
import { readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import binaryen from "binaryen";

const [dir, coreName] = process.argv.slice(2);
if (!dir || !coreName) {
  console.error("usage: node scripts/merge-chunks.mjs <split dir> <core split>");
  process.exit(2);
}
const MERGE = new URL("../node_modules/binaryen/bin/wasm-merge", import.meta.url).pathname;
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];
const SHARED = "chunk_shared";
// The hub imports from a module name as long as the real one, so the merged
// file's import section can be renamed in place.
const HUB_IMPORT = "__wasm_splix";
const IMPORT = "__wasm_split";

const loaderPath = join(dir, "__wasm_split.js");
const js = readFileSync(loaderPath, "utf8");

// The loader as the splitter writes it: a preamble (shared imports and
// makeLoad), one `const __chunk_N = makeLoad(…)` per chunk after a comment
// naming the splits that need it, one exported loader per split.
const chunkPattern =
  /\/\* ([^*]*) \*\/\nconst (__chunk_\d+) = makeLoad\((\(\) => \{\n\s*const src = fetch\(new URL\("\.\/(chunk_\d+)\.wasm"[\s\S]*?\n\}\n), \[\]\);\n/g;
const exportPattern =
  /export const (__wasm_split_load_(\S+)) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n?, \[([^\]]*)\]\)\);\n/g;
const chunks = [...js.matchAll(chunkPattern)].map((m) => ({
  splits: m[1].split(", "),
  variable: m[2],
  file: m[4],
}));
const loaders = [...js.matchAll(exportPattern)].map((m) => ({
  exported: m[1],
  split: m[2],
  fetcher: m[3],
  deps: m[4].split(", ").filter(Boolean),
}));
const preamble = js.slice(0, js.search(/\/\* [^*]* \*\/\nconst __chunk_|export const /));
const counted = (pattern) => (js.match(pattern) || []).length;
if (chunks.length !== counted(/^const __chunk_\d+ = /gm) || loaders.length !== counted(/^export const /gm)) {
  throw new Error("merge-chunks: the splitter's loader is not in the shape this script reads (wasm_split_cli_support 0.2.4)");
}
const core = loaders.find((l) => l.split.startsWith(coreName + "_"));
if (!core) throw new Error(`merge-chunks: no split named ${coreName}_…`);
const coreFile = `split_${core.split}`;
if (!existsSync(join(dir, coreFile + ".wasm"))) throw new Error(`merge-chunks: ${coreFile}.wasm is missing`);

const inCore = new Set(chunks.filter((c) => c.splits.includes(core.split)).map((c) => c.variable));
const inShared = new Set(chunks.filter((c) => !inCore.has(c.variable)).map((c) => c.variable));
const fileOf = new Map(chunks.map((c) => [c.variable, c.file]));

/** The imports of a wasm binary, as text for a hub module that exports them. */
function importsOf(bytes) {
  const found = [];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  };
  const name = () => {
    const length = leb();
    const text = bytes.subarray(at, at + length).toString("utf8");
    at += length;
    return text;
  };
  const limits = () => {
    const flags = bytes[at++];
    const min = leb();
    return flags & 1 ? `${min} ${leb()}` : `${min}`;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        const module = name();
        const base = name();
        const kind = bytes[at++];
        if (module !== IMPORT) throw new Error(`merge-chunks: unexpected import ${module}.${base}`);
        if (kind === 1) {
          if (bytes[at++] !== 0x70) throw new Error("merge-chunks: a table that is not funcref");
          found.push(`table ${limits()} funcref|${base}`);
        } else if (kind === 2) {
          found.push(`memory ${limits()}|${base}`);
        } else if (kind === 3) {
          const type = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64" }[bytes[at++]];
          const mutable = bytes[at++] === 1;
          found.push(`global ${mutable ? `(mut ${type})` : type}|${base}`);
        } else {
          throw new Error(`merge-chunks: a chunk imports a function (${base})`);
        }
      }
      return found;
    }
    at = end;
  }
  return found;
}

/** Joins wasm files (names without .wasm) into `into`.wasm; the inputs go. */
function merge(files, into) {
  // One import of each name, with the largest minimum size any file asks
  // for (the main module's table and memory are at least that large).
  const imports = new Map();
  for (const entry of files.flatMap((f) => importsOf(readFileSync(join(dir, f + ".wasm"))))) {
    const [desc, base] = entry.split("|");
    const [kind, ...rest] = desc.split(" ");
    const min = Number(rest[0]);
    const known = imports.get(base);
    if (!known || (Number.isFinite(min) && min > known.min)) imports.set(base, { kind, rest, min });
  }
  const hub = [...imports].map(([base, { kind, rest }], i) =>
    `(import "${HUB_IMPORT}" "${base}" (${kind} $i${i} ${rest.join(" ")})) (export "${base}" (${kind} $i${i}))`);
  const hubModule = binaryen.parseText(`(module ${hub.join(" ")})`);
  const hubPath = join(dir, "hub.wasm");
  writeFileSync(hubPath, hubModule.emitBinary());
  hubModule.dispose();
  // Names stay for profiling builds; wasm-opt drops them from release files.
  const args = [...FEATURES, "--debuginfo", hubPath, IMPORT];
  files.forEach((f, i) => args.push(join(dir, f + ".wasm"), `part${i}`));
  const outPath = join(dir, into + ".wasm.merging");
  execFileSync(MERGE, [...args, "-o", outPath], { stdio: ["ignore", "inherit", "pipe"], maxBuffer: 1 << 28 });
  const merged = readFileSync(outPath);
  const from = Buffer.from(HUB_IMPORT);
  const to = Buffer.from(IMPORT);
  let renamed = 0;
  for (let p = merged.indexOf(from); p >= 0; p = merged.indexOf(from, p + 1)) {
    to.copy(merged, p);
    renamed += 1;
  }
  if (renamed !== imports.size) throw new Error(`merge-chunks: renamed ${renamed} imports of ${imports.size}`);
  for (const f of files) rmSync(join(dir, f + ".wasm"));
  rmSync(hubPath);
  rmSync(outPath);
  writeFileSync(join(dir, into + ".wasm"), merged);
}

merge([coreFile, ...[...inCore].map((v) => fileOf.get(v))], coreFile);
if (inShared.size > 0) merge([...inShared].map((v) => fileOf.get(v)), SHARED);

const fetcherFor = (file) => `() => {
    const src = fetch(new URL("./${file}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
`;
let out = preamble;
out += "// Chunks merged by scripts/merge-chunks.mjs: the core's into its own file, the rest into one.\n";
out += `const __core = makeLoad(${core.fetcher}, []);\n`;
if (inShared.size > 0) out += `const __shared = makeLoad(${fetcherFor(SHARED)}, []);\n`;
for (const loader of loaders) {
  if (loader === core) {
    out += `export const ${loader.exported} = wrapAsyncCb(__core);\n`;
    continue;
  }
  const deps = [];
  if (loader.deps.some((d) => inCore.has(d))) deps.push("__core");
  if (loader.deps.some((d) => inShared.has(d))) deps.push("__shared");
  out += `export const ${loader.exported} = wrapAsyncCb(makeLoad(${loader.fetcher}, [${deps.join(", ")}]));\n`;
}
writeFileSync(loaderPath, out);
console.log(`merge-chunks: ${inCore.size} chunks into ${coreFile}.wasm, ${inShared.size} into ${SHARED}.wasm`);
