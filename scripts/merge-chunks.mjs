// Merges the splitter's chunks into a few files, after the splitter
// (scripts/split, which writes split-manifest.json) and before wasm-opt:
//   node scripts/merge-chunks.mjs <split dir>
// by the groups of scripts/code-paths.mjs.
//
// The splitter (wasm_split_cli_support) puts code that several lazy parts
// share into one chunk per set of parts that share it: about 500 chunks,
// 55 of them loaded with the store and 280 with the meeting page. Each
// chunk costs a fetch and an instantiation on the main thread (about 7 ms
// on a slow phone), so opening the store took 400 ms of loading alone.
//
// So, group by group in the order given, every chunk a group's split
// points need (and no earlier group took) goes into one file with those
// split points' own code, named after the group's first split with code
// (split_<split>.wasm); every other chunk goes into chunk_shared.wasm; and
// each split's loader waits for the files its chunks went to. A member
// with records starts with three code files, fetched at once (the first
// screen's, the store's and the screens'), and a page adds its own and
// the shared one.
//
// This works because a chunk only imports the main module's memory, table
// and stack pointer, and instantiating it only fills its table slots and
// data: no chunk needs another to be instantiated first, only to be there
// before its functions are called, which the loaders' dependencies keep.
// wasm-merge joins the files; a small hub module that exports the three
// imports makes the merged file import each of them once.
//
// What the splitter decided (which files each split point needs, the name
// of its loader) is read from split-manifest.json. Only the runtime part
// of its __wasm_split.js (shared imports, makeLoad, wrapAsyncCb) is kept;
// the loaders after it are written anew from the manifest. The splitter's
// own loaders are checked against the manifest first, so a splitter whose
// script has another shape stops the build with a message saying what
// changed, instead of shipping loaders that load the wrong files.
import { readFileSync, writeFileSync, rmSync, existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import binaryen from "binaryen";
import { FLAGS, wasmReader } from "./wasm-features.mjs";
import { GROUPS } from "./code-paths.mjs";

const SPLITTER = "wasm_split_cli_support 0.2.4 (scripts/versions)";
const MERGE = new URL("../node_modules/binaryen/bin/wasm-merge", import.meta.url).pathname;
const SHARED = "chunk_shared";
// The hub imports from a module name as long as the real one, so the merged
// file's import section can be renamed in place.
const HUB_IMPORT = "__wasm_splix";
const IMPORT = "__wasm_split";

/** Fails the build with a message that says what is wrong. */
function fail(message) {
  throw new Error(`merge-chunks: ${message}`);
}

/** The splitter's loader script cut where its runtime ends and its
 * loaders begin, after checking that those loaders are the manifest's.
 * Returns the runtime (everything the new loaders call). */
export function runtimeOf(js, manifest) {
  const shape = (what) =>
    fail(`the splitter's ${manifest.loader} no longer has the shape this script reads (${SPLITTER}): ${what}`);
  const splits = Object.entries(manifest.splits);
  const chunkFiles = [...new Set(splits.flatMap(([, s]) => s.chunks))];
  const starts = [];
  for (const file of chunkFiles) {
    const declaration = `const __${file} = makeLoad(`;
    const at = js.indexOf(declaration);
    if (at < 0) shape(`no \`${declaration}…\` for ${file}.wasm`);
    // Each chunk's declaration follows a comment naming the splits that need it.
    const line = js.lastIndexOf("\n", at - 2) + 1;
    const comment = js.slice(line, at);
    starts.push(comment.startsWith("/* ") && comment.endsWith(" */\n") ? line : at);
  }
  for (const [split, { export: name }] of splits) {
    const declaration = `export const ${name} = `;
    const at = js.indexOf(declaration);
    if (at < 0) shape(`no loader \`${name}\` for the split point ${split}`);
    if (js.indexOf(declaration, at + 1) >= 0) shape(`two loaders named ${name}`);
    starts.push(at);
  }
  if (starts.length === 0) shape("the manifest names no split points");
  const cut = Math.min(...starts);
  const runtime = js.slice(0, cut);
  const loaders = js.slice(cut);
  for (const needed of ["function makeLoad(", "function wrapAsyncCb(", "function getSharedImports("]) {
    if (!runtime.includes(needed)) shape(`its runtime lacks \`${needed}…\``);
  }
  if (/\bexport\b/.test(runtime)) shape("something is exported before the first loader");
  const exported = (loaders.match(/^export /gm) || []).length;
  if (exported !== splits.length) shape(`${exported} exports for ${splits.length} split points in the manifest`);
  const named = new Set([...loaders.matchAll(/"\.\/([^"]+)\.wasm"/g)].map((m) => m[1]));
  const listed = new Set([...chunkFiles, ...splits.map(([, s]) => s.file).filter(Boolean)]);
  const unlisted = [...named].filter((f) => !listed.has(f));
  const unloaded = [...listed].filter((f) => !named.has(f));
  if (unlisted.length > 0) shape(`it loads ${unlisted.join(", ")}, which the manifest does not list`);
  if (unloaded.length > 0) shape(`it never loads ${unloaded.join(", ")}, which the manifest lists`);
  return runtime;
}

/** Which file each chunk goes to, and each merged file's parts, for the
 * groups in order: `[name, [split prefix…]]` takes those split points'
 * code and every chunk they need; `[name, { sharedBy: [side…] }]` takes
 * only the chunks that every side needs (a side is a split prefix or a
 * list of them), into chunk_<name>.wasm, so two paths that share code each
 * fetch it without fetching the other's. */
export function plan(manifest, groups) {
  const splits = Object.entries(manifest.splits);
  const home = new Map(); // chunk → merged file
  const units = []; // { file, splits: [split], parts: [file] }
  const inGroup = new Map(); // split → unit
  const named = (group, p) => {
    const found = splits.filter(([split]) => split.startsWith(p + "_"));
    if (found.length === 0) fail(`group ${group}: no split point named ${p}_…`);
    return found;
  };
  for (const [group, prefixes] of groups) {
    if (!Array.isArray(prefixes)) {
      // Each side is a split prefix or a list of them (one path's splits).
      const needs = prefixes.sharedBy.map((side) =>
        new Set([side].flat().flatMap((p) => named(group, p)).flatMap(([, s]) => s.chunks)));
      const parts = [...needs[0]].filter((chunk) => !home.has(chunk) && needs.every((set) => set.has(chunk)));
      const file = `chunk_${group}`;
      for (const chunk of parts) home.set(chunk, file);
      if (parts.length > 0) units.push({ group, file, splits: [], parts });
      continue;
    }
    const members = splits.filter(([split]) => prefixes.some((p) => split.startsWith(p + "_")));
    for (const p of prefixes) {
      if (!members.some(([split]) => split.startsWith(p + "_"))) fail(`group ${group}: no split point named ${p}_…`);
    }
    const owner = members.find(([, s]) => s.file);
    if (!owner) fail(`group ${group}: none of its split points has code of its own`);
    const unit = { group, file: owner[1].file, splits: members.map(([split]) => split), parts: [] };
    for (const [split, s] of members) {
      if (inGroup.has(split)) fail(`the split point ${split} is in two groups`);
      inGroup.set(split, unit);
      if (s.file) unit.parts.push(s.file);
      for (const chunk of s.chunks) {
        if (!home.has(chunk)) {
          home.set(chunk, unit.file);
          unit.parts.push(chunk);
        }
      }
    }
    units.push(unit);
  }
  const shared = { group: "shared", file: SHARED, splits: [], parts: [] };
  for (const [, s] of splits) {
    for (const chunk of s.chunks) {
      if (!home.has(chunk)) {
        home.set(chunk, SHARED);
        shared.parts.push(chunk);
      }
    }
  }
  if (shared.parts.length > 0) units.push(shared);
  return { home, units, inGroup };
}

/** The files each split point's loader fetches once merged: the merged
 * files its chunks went to, then its own (for preload hints). */
export function loadsOf(manifest, { home, inGroup }) {
  return Object.fromEntries(
    Object.entries(manifest.splits).map(([split, s]) => {
      const unit = inGroup.get(split);
      const needs = unit ? unit.splits.flatMap((member) => manifest.splits[member].chunks) : s.chunks;
      const own = unit ? unit.file : s.file;
      const files = [...new Set(needs.map((c) => home.get(c)))].filter((f) => f !== own);
      if (own) files.push(own);
      return [split, files.map((f) => `${f}.wasm`)];
    }),
  );
}

/** The new loader script: the splitter's runtime, one loader per merged
 * file, one exported loader per split point. */
export function loaderScript(runtime, manifest, { home, units, inGroup }) {
  const fetcher = (file) => `() => {
    const src = fetch(new URL("./${file}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
`;
  const variable = (file) => `__${file}`;
  const depsOf = (chunks, except) =>
    [...new Set(chunks.map((c) => home.get(c)))].filter((f) => f !== except).map(variable);
  let out = runtime;
  out += "// Chunks merged by scripts/merge-chunks.mjs (its plan is in split-manifest.json).\n";
  for (const unit of units) {
    const needs = unit.splits.flatMap((split) => manifest.splits[split].chunks);
    out += `const ${variable(unit.file)} = makeLoad(${fetcher(unit.file)}, [${depsOf(needs, unit.file).join(", ")}]);\n`;
  }
  for (const [split, s] of Object.entries(manifest.splits)) {
    const unit = inGroup.get(split);
    if (unit) {
      out += `export const ${s.export} = wrapAsyncCb(${variable(unit.file)});\n`;
      continue;
    }
    const own = s.file ? fetcher(s.file) : "() => async (_imp) => ({})";
    out += `export const ${s.export} = wrapAsyncCb(makeLoad(${own}, [${depsOf(s.chunks).join(", ")}]));\n`;
  }
  return out;
}

/** The imports of a wasm binary, as text for a hub module that exports them. */
function importsOf(bytes) {
  const { byte, leb, name, sections } = wasmReader(bytes);
  const limits = () => {
    const flags = byte();
    const min = leb();
    return flags & 1 ? `${min} ${leb()}` : `${min}`;
  };
  const imports = sections((id) => {
    if (id !== 2) return undefined;
    const found = [];
    for (let count = leb(); count > 0; count--) {
      const module = name();
      const base = name();
      const kind = byte();
      if (module !== IMPORT) throw new Error(`merge-chunks: unexpected import ${module}.${base}`);
      if (kind === 1) {
        if (byte() !== 0x70) throw new Error("merge-chunks: a table that is not funcref");
        found.push(`table ${limits()} funcref|${base}`);
      } else if (kind === 2) {
        found.push(`memory ${limits()}|${base}`);
      } else if (kind === 3) {
        const type = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64" }[byte()];
        const mutable = byte() === 1;
        found.push(`global ${mutable ? `(mut ${type})` : type}|${base}`);
      } else {
        throw new Error(`merge-chunks: a chunk imports a function (${base})`);
      }
    }
    return found;
  });
  return imports ?? [];
}

/** Joins wasm files (names without .wasm) into `into`.wasm; the inputs go. */
function merge(dir, files, into) {
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
  const args = [...FLAGS, "--debuginfo", hubPath, IMPORT];
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


/** Merges the split directory in place; returns a line saying what went where. */
export function mergeDir(dir, groups) {
  const manifestPath = join(dir, "split-manifest.json");
  if (!existsSync(manifestPath)) fail(`no ${manifestPath}: the splitter (scripts/split) writes it`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const loaderPath = join(dir, manifest.loader);
  const runtime = runtimeOf(readFileSync(loaderPath, "utf8"), manifest);
  const planned = plan(manifest, groups);
  // Every file the splitter wrote is accounted for, and none is missing.
  const written = readdirSync(dir).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).map((f) => f.slice(0, -5));
  const listed = new Set([...planned.home.keys(), ...Object.values(manifest.splits).map((s) => s.file).filter(Boolean)]);
  const stray = written.filter((f) => !listed.has(f));
  if (stray.length > 0) fail(`the splitter wrote ${stray.join(", ")}, which the manifest does not list`);
  const missing = [...listed].filter((f) => !written.includes(f));
  if (missing.length > 0) fail(`the manifest lists ${missing.join(", ")}, which the splitter did not write`);

  for (const unit of planned.units) merge(dir, unit.parts, unit.file);
  writeFileSync(loaderPath, loaderScript(runtime, manifest, planned));
  manifest.merged = Object.fromEntries(planned.units.map((u) => [u.file, { group: u.group, splits: u.splits, parts: u.parts.length }]));
  manifest.loads = loadsOf(manifest, planned);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  return planned.units.map((u) => `${u.parts.length} files into ${u.file}.wasm`).join(", ");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/merge-chunks.mjs <split dir>");
    process.exit(2);
  }
  try {
    console.log(`merge-chunks: ${mergeDir(dir, GROUPS)}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
