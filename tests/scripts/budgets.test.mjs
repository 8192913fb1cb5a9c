// scripts/budgets.mjs: a path over its budget is named with how much over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overBudget } from "../../scripts/budgets.mjs";

const budgets = { link: { what: "a link opened on a fresh phone", gzip: 350_000, ms: 3000 } };

test("a path within its budget says nothing", () => {
  assert.deepEqual(overBudget("link", { gzip: 350_000, ms: 2999 }, budgets), []);
});

test("a path over its budget says which path, which figure and by how much", () => {
  assert.deepEqual(overBudget("link", { gzip: 351_234, ms: 3100 }, budgets), [
    "over budget: a link opened on a fresh phone (link) is 351,234 B gzipped, 1,234 B gzipped over its budget of 350,000 (scripts/budgets.mjs)",
    "over budget: a link opened on a fresh phone (link) is 3,100 ms, 100 ms over its budget of 3,000 (scripts/budgets.mjs)",
  ]);
});

test("a path with no budget is an error, not a pass", () => {
  assert.throws(() => overBudget("nowhere", { gzip: 1 }, budgets), /no budget for the path nowhere/);
});
