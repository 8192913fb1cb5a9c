import { test } from "node:test";
import { useBrowser, openApp, PHONE, DESKTOP, secretarysPackage } from "./support.mjs";

const env = useBrowser();

for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`shots ${size}`, async () => {
    const origin = env.server.origin;
    const [a, b] = await Promise.all([env.browser.newContext(PHONE), env.browser.newContext(viewport)]);
    const { secretary, text } = await secretarysPackage(a, origin);
    const token = text.slice(text.indexOf("ZB1")).split(/\s/)[0];
    const member = await openApp(b, origin, `/#zb=${token}`);
    await member.page.getByTestId("arrival-headline").waitFor();
    await member.page.screenshot({ path: `/work/logs/join-review-${size}.png` });
    await member.page.getByRole("button", { name: "加入这个支部" }).click();
    await member.page.getByTestId("who-am-i").waitFor();
    await member.page.screenshot({ path: `/work/logs/join-who-${size}.png` });
    await member.page.getByTestId("who-am-i").getByRole("button", { name: "吴昊", exact: true }).click();
    await member.page.getByTestId("this-month").waitFor();
    await member.page.screenshot({ path: `/work/logs/join-home-${size}.png` });
    if (size === "phone") {
      await secretary.page.goto(origin + "/meetings/mt-ex-1?s=attendance");
      await secretary.page.locator(".attendance-row").first().waitFor();
      await secretary.page.screenshot({ path: `/work/logs/attendance-${size}.png` });
    }
    await Promise.all([a.close(), b.close()]);
  });
}
