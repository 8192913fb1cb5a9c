// scripts/check-versions.mjs: every pin agrees with scripts/versions, and a
// pin that moved alone is named with the table's version and why they
// move together.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mismatches, pinnedIn, table } from "../../scripts/check-versions.mjs";

test("the repository's pins agree with the table of versions", () => {
  assert.deepEqual(mismatches(), []);
});

test("a pin that disagrees with the table is named, with the table's version and the reason", () => {
  const rows = table().map((r) => (r.name === "wasm-bindgen" ? { ...r, version: "0.2.131" } : r));
  const found = mismatches(rows);
  assert.equal(found.length, 2, found.join("\n"));
  assert.match(found[0], /^Cargo\.toml has wasm-bindgen 0\.2\.130, scripts\/versions says 0\.2\.131 \(the crate and the wasm-bindgen CLI must be the same version\)/);
  assert.match(found[1], /^Cargo\.lock has wasm-bindgen 0\.2\.130/);
});

test("pins are read from each kind of file", () => {
  const lock = '[[package]]\nname = "leptos"\nversion = "0.8.23"\nsource = "x"\n\n[[package]]\nname = "leptos"\nversion = "0.9.0"\n';
  assert.deepEqual(pinnedIn("Cargo.lock", "leptos", lock), ["0.8.23", "0.9.0"]);
  assert.deepEqual(pinnedIn("Cargo.toml", "wasm-bindgen", 'wasm-bindgen = "=0.2.130"\n'), ["0.2.130"]);
  assert.deepEqual(pinnedIn("Cargo.toml", "wasm-bindgen", 'wasm-bindgen = "0.2"\n'), ["(not pinned with = in Cargo.toml)"]);
  assert.deepEqual(pinnedIn("package-lock.json", "binaryen", '{"packages":{"node_modules/binaryen":{"version":"132.0.0"}}}'), ["132.0.0"]);
});
