import { test } from "node:test";
import { useBrowser, openApp, App, PHONE, pageShown, secretarysPackage, joinByLink } from "./support.mjs";
const env = useBrowser();
test("shots", async () => {
  const origin = env.server.origin;
  const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(PHONE)]);
  const { page: k } = await openApp(a, origin);
  await new App(k).loadExample();
  await k.goto(origin + "/mine"); await pageShown(k);
  await k.screenshot({ path: "/tmp/shot-mine.png", fullPage: true });
  const { token } = await secretarysPackage(b, origin);
  const c = await env.browser.newContext(PHONE);
  const m = await joinByLink(c, origin, token, "吴昊");
  await m.page.getByTestId("my-work").waitFor();
  for (const [name, path] of [["roster", "/mine/roster"], ["member", "/mine/roster/new"], ["branch", "/mine/branch"], ["dues", "/mine/dues"], ["task", "/fusion"], ["review", `/assess/review/${new Date().getFullYear()}`], ["plan", `/mine/year/${new Date().getFullYear()}/plan`]]) {
    await m.page.goto(origin + path); await pageShown(m.page);
    await m.page.waitForTimeout(300);
    await m.page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  }
  await Promise.all([a.close(), b.close(), c.close()]);
});
