// Checks every pin against scripts/versions, the table of the versions that
// must move together. Run by scripts/setup before it installs anything.
//   node scripts/check-versions.mjs            checks; exits 1 naming each mismatch
//   node scripts/check-versions.mjs <name>     prints the table's version of <name>
import { existsSync, readFileSync } from "node:fs";

const root = new URL("../", import.meta.url).pathname;
const read = (file) => readFileSync(root + file, "utf8");

/** The table: [{ name, version, pinned: [file…], why }]. */
export function table(text = read("scripts/versions")) {
  return text
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [name, version, pinned, ...why] = line.trim().split(/\s+/);
      return { name, version, pinned: pinned.startsWith("(") ? [] : pinned.split(","), why: why.join(" ") };
    });
}

/** The versions of `name` that a pin file names. */
export function pinnedIn(file, name, text = existsSync(root + file) ? read(file) : null) {
  if (text === null) return [`(no ${file})`];
  if (file.endsWith("Cargo.lock")) {
    return [...text.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)]
      .filter((m) => m[1] === name)
      .map((m) => m[2]);
  }
  if (file.endsWith("Cargo.toml")) {
    const m = new RegExp(`^${name.replace(/[-_]/g, "[-_]")} = (?:\\{[^}]*version = )?"=([^"]+)"`, "m").exec(text);
    return m ? [m[1]] : [`(not pinned with = in ${file})`];
  }
  if (file === "package-lock.json") {
    const found = JSON.parse(text).packages?.[`node_modules/${name}`]?.version;
    return found ? [found] : [];
  }
  throw new Error(`check-versions: cannot read pins in ${file}`);
}

/** Every disagreement between the table and the pins, in words. */
export function mismatches(rows = table()) {
  const found = [];
  for (const { name, version, pinned, why } of rows) {
    for (const file of pinned) {
      const versions = pinnedIn(file, name);
      if (versions.length !== 1 || versions[0] !== version) {
        found.push(
          `${file} has ${name} ${versions.join(" and ") || "nowhere"}, scripts/versions says ${version} ` +
            `(${why}). These versions move together: change the pin and the table in one commit, ` +
            "then run scripts/build and the end-to-end tests.",
        );
      }
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (name) {
    const row = table().find((r) => r.name === name);
    if (!row) {
      console.error(`check-versions: scripts/versions has no ${name}`);
      process.exit(1);
    }
    console.log(row.version);
  } else {
    const found = mismatches();
    for (const line of found) console.error(`check-versions: ${line}`);
    process.exit(found.length > 0 ? 1 : 0);
  }
}
