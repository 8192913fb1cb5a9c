// axe-core on every screen at phone size: zero violations of WCAG 2 A/AA.
// axe is injected past the page's Content-Security-Policy (bypassCSP): the
// app itself never runs third-party code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE } from "./support.mjs";
import { ROUTES } from "./routes.mjs";

const env = useBrowser();
const AXE = new URL("../../node_modules/axe-core/axe.min.js", import.meta.url).pathname;

test("axe-core finds nothing on any screen", async () => {
  const context = await env.browser.newContext({ ...PHONE, bypassCSP: true });
  const { page, problems } = await openApp(context, env.server.origin);
  const found = [];
  const check = async (where) => {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
      return result.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes[0].target.join(" ")}`);
    });
    for (const v of violations) found.push(`${where}: ${v}`);
  };
  await check("first run");
  await new App(page).loadExample();
  for (const route of ROUTES) {
    await page.goto(env.server.origin + route);
    await page.waitForSelector("main");
    await check(route);
  }
  assert.deepEqual(found, []);
  assert.deepEqual(problems.filter((p) => !p.includes("CSP")), []);
  await context.close();
});
