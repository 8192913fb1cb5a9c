// The sampling CPU profile of Chromium (CDP Profiler) summed by function:
// what scripts/profile-tap.mjs and scripts/profile-startup.mjs print.

// Rust's legacy mangling (`_ZN5zhibu2ui…17h<hash>E`), as the split files
// keep it: the path without the hash.
export function demangle(s) {
  const m = /^_ZN(.*)E(?: (.*))?$/.exec(s);
  if (!m) return s;
  const parts = [];
  let rest = m[1];
  while (rest) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    const start = len[1].length;
    parts.push(rest.slice(start, start + Number(len[1])));
    rest = rest.slice(start + Number(len[1]));
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? "")) parts.pop();
  const path = parts.join("::")
    .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}").replace(/\$C\$/g, ",").replace(/\$RF\$/g, "&").replace(/\$BP\$/g, "*")
    .replace(/\$LP\$/g, "(").replace(/\$RP\$/g, ")").replace(/\$u2b\$/g, "+").replace(/\$u3d\$/g, "=").replace(/\.\./g, "::");
  return m[2] ? `${path} ${m[2]}` : path;
}

function frameName(node) {
  const f = node.callFrame;
  const where = f.url ? f.url.replace(/^.*\//, "") : "";
  return (demangle(f.functionName) || "(anonymous)") + (where && !/^\(/.test(f.functionName) ? ` [${where}]` : "");
}

/**
 * Prints the profile's time by group (`groupOf(names)` names each
 * sample's group from its stack, root first), each group's functions with
 * the most time, inclusive and self, divided by `per` (taps, runs).
 */
export function printProfile(profile, { groupOf, per = 1, unit = "ms", top = 45, minimum = 0.5 }) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groups = new Map(); // group → { total, inclusive: Map, self: Map }
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack = [];
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.unshift(nodes.get(id));
    const names = stack.slice(1).map(frameName);
    if (names.length === 0 || names[0] === "(idle)") continue;
    const group = groupOf(names);
    if (!groups.has(group)) groups.set(group, { total: 0, inclusive: new Map(), self: new Map() });
    const g = groups.get(group);
    g.total += ms;
    for (const n of new Set(names)) add(g.inclusive, n, ms);
    add(g.self, names[names.length - 1], ms);
  }
  const shown = (x) => (x / per).toFixed(2).padStart(7);
  for (const [group, g] of [...groups].sort((a, b) => b[1].total - a[1].total)) {
    console.log(`\n== ${group}: ${shown(g.total)} ${unit}`);
    if (g.total / per < minimum) continue;
    console.log("-- inclusive");
    for (const [n, t] of [...g.inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${shown(t)}  ${n}`);
    console.log("-- self");
    for (const [n, t] of [...g.self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${shown(t)}  ${n}`);
  }
}
