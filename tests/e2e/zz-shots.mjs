import { startServer, launch, openApp, App, PHONE, DESKTOP, pageShown } from "./support.mjs";
const out = "/tmp/shots/";
const server = await startServer();
const browser = await launch();
const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
for (const [tag, size] of [["phone", PHONE], ["desk", DESKTOP]]) {
  const context = await browser.newContext(size);
  const { page } = await openApp(context, server.origin);
  await new App(page).loadExample();
  const shot = async (name, route, after) => {
    await page.goto(server.origin + route);
    await pageShown(page);
    await page.waitForTimeout(300);
    if (after) await after();
    await page.screenshot({ path: `${out}${tag}-${name}.png` });
  };
  await shot("roster", "/mine/roster");
  await shot("backup", "/mine/backup", () => page.getByTestId("send-panel").scrollIntoViewIfNeeded());
  await shot("review", `/assess/review/${year}`, () => page.locator(".review-row").first().scrollIntoViewIfNeeded());
  await shot("review-last", `/assess/review/${year - 1}`, () => page.locator(".review-row").nth(1).scrollIntoViewIfNeeded());
  await shot("meeting", "/meetings/mt-ex-3");
  await shot("attendance", "/meetings/mt-ex-3?s=attendance");
  await shot("mine-end", "/mine", () => page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight)));
  await context.close();
}
await browser.close(); await server.close();
