// What is in a wasm file, by function: the largest functions' body sizes
// and their names, summed by crate path. Build with names first, or every
// function is only a number:
//   WASM_NAMES=1 scripts/build && node scripts/wasm-sizes.mjs dist/<file>.wasm [top] [filter]
// Sizes are uncompressed bytes of the code section; gzip takes about a third.
import { readFileSync } from "node:fs";
import { demangle } from "./cpu-profile.mjs";
import { wasmReader } from "./wasm-features.mjs";

const [file, topArg = "40", filter = ""] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/wasm-sizes.mjs <file.wasm> [top] [name filter]");
  process.exit(2);
}
const bytes = readFileSync(file);
const { byte, leb, name, position, skip, importEntry, sections } = wasmReader(bytes);

let imported = 0;
const bodies = [];
const names = new Map();
sections((id, _start, end) => {
  if (id === 2) {
    // Imported functions come first in the function index space.
    for (let n = leb(); n > 0; n--) if (importEntry().kind === 0) imported++;
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(length);
      skip(length);
    }
  } else if (id === 0 && name() === "name") {
    while (position() < end) {
      const sub = byte();
      const subEnd = leb() + position();
      if (sub === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      skip(subEnd - position());
    }
  }
  return undefined;
});

const functions = bodies
  .map((size, i) => ({ size, name: demangle(names.get(i + imported) ?? `function ${i + imported}`) }))
  .filter((f) => f.name.includes(filter));
const total = functions.reduce((sum, f) => sum + f.size, 0);
console.log(`${file}: ${functions.length} functions, ${total} B of code` +
  (names.size ? "" : " (no name section: build with WASM_NAMES=1)"));
functions.sort((a, b) => b.size - a.size);
for (const f of functions.slice(0, Number(topArg))) console.log(String(f.size).padStart(8), f.name.slice(0, 160));

// By the first path segments inside the project's and leptos' names.
const groups = new Map();
for (const f of functions) {
  const path = f.name.match(/(zhibu|leptos\w*|serde\w*|reactive_graph|tachys|chrono|web_sys|js_sys|core|alloc|std)::(\w+)(::(\w+))?/);
  const key = path ? (path[1] === "zhibu" ? `zhibu::${path[2]}${path[4] ? "::" + path[4] : ""}` : path[1]) : "(other)";
  groups.set(key, (groups.get(key) ?? 0) + f.size);
}
console.log("\nby path:");
for (const [key, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(String(size).padStart(8), key);
}
