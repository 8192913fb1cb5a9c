// What is in a wasm file, by function: the largest functions' body sizes
// and their names, summed by crate path. Build with names first, or every
// function is only a number:
//   WASM_NAMES=1 scripts/build && node scripts/wasm-sizes.mjs dist/<file>.wasm [top] [filter]
// Sizes are uncompressed bytes of the code section; gzip takes about a third.
import { readFileSync } from "node:fs";
import { demangle } from "./cpu-profile.mjs";

const [file, topArg = "40", filter = ""] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/wasm-sizes.mjs <file.wasm> [top] [name filter]");
  process.exit(2);
}
const bytes = readFileSync(file);
let at = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result |= (b & 0x7f) << shift;
    if (!(b & 0x80)) return result >>> 0;
    shift += 7;
  }
};
const text = (length) => bytes.subarray(at, (at += length)).toString("utf8");

let imported = 0;
const bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 2) {
    // Imported functions come first in the function index space.
    for (let n = u32(); n > 0; n--) {
      text(u32());
      text(u32());
      const kind = bytes[at++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) {
        at += 2;
      } else if (kind === 4) {
        at++;
        u32();
      }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const length = u32();
      bodies.push(length);
      at += length;
    }
  } else if (id === 0 && text(u32()) === "name") {
    while (at < end) {
      const sub = bytes[at++];
      const subEnd = at + u32();
      if (sub === 1) {
        for (let n = u32(); n > 0; n--) {
          const index = u32();
          names.set(index, text(u32()));
        }
      }
      at = subEnd;
    }
  }
  at = end;
}

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
