// The welcome screen's markup as the app itself renders it, for
// scripts/finish-build.mjs to write into index.html: the first response
// then paints the screen a new member uses, and the app takes it over
// without a visible change (src/browser/splash.rs).
//
// The app renders it in Debian's Chromium from the finished dist/ (a new
// member's first open, no service worker), so the markup is always the
// app's own: nothing to keep in step by hand.
import { chromium } from "playwright-core";
import { startServer } from "./static-server.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The app's welcome screen (`main.first-run`) rendered from `dir`, as
 * HTML, with no comments. */
export async function welcomeMarkup(dir) {
  const server = await startServer();
  server.deploy(dir.endsWith("/") ? dir : dir + "/");
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  } catch (error) {
    await server.close();
    throw new Error(`prerender-welcome: could not start ${CHROMIUM} (scripts/setup installs it): ${error.message}`);
  }
  try {
    const context = await browser.newContext({ serviceWorkers: "block", locale: "zh-CN", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    await page.goto(server.origin + "/");
    const welcome = page.locator("main.first-run:not([data-static])");
    await welcome.waitFor({ timeout: 60000 }).catch(() => {
      throw new Error(`prerender-welcome: the app did not show its welcome screen${problems.length ? `: ${problems.join("; ")}` : ""}`);
    });
    if (problems.length > 0) throw new Error(`prerender-welcome: the page reported errors: ${problems.join("; ")}`);
    return await welcome.evaluate((main) => {
      const copy = main.cloneNode(true);
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      for (const comment of comments) comment.remove();
      return copy.outerHTML;
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
