// What each path a member takes may cost, enforced by scripts/test
// (`scripts/bench-first-load.mjs --check`) and printed by scripts/bench.
// A budget is what the code meets today, with a little room for noise;
// lower it when the code gets faster, and never raise one without a line
// here saying why.
export const BUDGETS = {
  // A new member's first open: every file until the welcome screen works,
  // gzip -9. 242,028 B when this budget was set (issue #27 asks for 200,000).
  welcome: { what: "the welcome screen's first load", gzip: 245_000 },
  // A 支部资料包 link opened on a phone that never opened the app, slow 4G
  // and 4× CPU, until the package's review is on screen (bytes on the
  // wire, time): issue #27's targets.
  link: { what: "a link opened on a fresh phone", gzip: 350_000, ms: 3000 },
};

const UNITS = { gzip: "B gzipped", ms: "ms" };

/** Lines saying how far each measured figure of `path` is over its
 * budget; none when all are within. */
export function overBudget(path, measured, budgets = BUDGETS) {
  const budget = budgets[path];
  if (!budget) throw new Error(`budgets: no budget for the path ${path}`);
  return Object.entries(measured)
    .filter(([figure, value]) => budget[figure] !== undefined && value > budget[figure])
    .map(([figure, value]) => {
      const unit = UNITS[figure] || figure;
      const by = value - budget[figure];
      return `over budget: ${budget.what} (${path}) is ${value.toLocaleString("en")} ${unit}, ` +
        `${by.toLocaleString("en")} ${unit} over its budget of ${budget[figure].toLocaleString("en")} (scripts/budgets.mjs)`;
    });
}
