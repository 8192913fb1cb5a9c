// The first open: a splash at once, the app replacing it, and once opened,
// every screen with no network at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openApp, App, PHONE } from "./support.mjs";
import { ROUTES } from "./routes.mjs";

const env = useBrowser();
test("index.html paints the app's name before the code arrives, and the app replaces it", async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  // Hold the wasm back: what shows is index.html and its stylesheet alone.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.server.origin + "/");
  await page.locator("#splash").getByText("支部工作手册").waitFor();
  assert.equal(await page.locator("#splash .splash-state").textContent(), "正在打开…");
  release();
  await page.waitForSelector("main, .first-run");
  assert.equal(await page.locator("#splash").count(), 0, "the splash is gone once the app runs");
  await context.close();
});

test("once opened, every screen opens with no network", async () => {
  const context = await env.browser.newContext(PHONE);
  const { page, problems } = await openApp(context, env.server.origin);
  await new App(page).loadExample();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  for (const route of ROUTES) {
    await page.goto(env.server.origin + route);
    await page.waitForSelector("main");
    const text = await page.locator("main").innerText();
    assert.ok(!text.includes("页面不存在"), `${route} is a route`);
    assert.ok(!/找不到/.test(text), `${route} finds its record: ${text.slice(0, 80)}`);
  }
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});
