// Temporary: screenshots of 名单顺序 and the roster (deleted after looking).
import { startServer, launch, openApp, App, PHONE, DESKTOP, pageShown, settled } from "./support.mjs";

const server = await startServer();
const browser = await launch();
for (const [label, size] of [["phone", PHONE], ["desk", DESKTOP]]) {
  const context = await browser.newContext(size);
  const { page } = await openApp(context, server.origin);
  const app = new App(page);
  await app.loadExample();
  await app.openMine("党员名册");
  await page.screenshot({ path: `/tmp/yearly-shots/${label}-roster-strokes.png`, fullPage: true });
  await page.getByTestId("name-order").getByText("自定义顺序", { exact: true }).click();
  await settled(page);
  await page.screenshot({ path: `/tmp/yearly-shots/${label}-roster-own.png` });
  await page.goto(server.origin + "/meetings/mt-ex-3");
  await pageShown(page);
  await page.getByRole("tab", { name: "签到" }).click();
  await page.screenshot({ path: `/tmp/yearly-shots/${label}-sign-in.png`, fullPage: true });
  await context.close();
}
await browser.close();
await server.close();
