// Draws the app's PNG icons from public/icon.svg in headless Chromium
// (home-screen icons need PNG; the CJK glyph needs the system's fonts).
// Run once after changing the icon: node scripts/icons.mjs
import { readFile, writeFile } from "node:fs/promises";
import { launch } from "../tests/e2e/support.mjs";

const svg = await readFile(new URL("../public/icon.svg", import.meta.url), "utf8");
// A maskable icon keeps its glyph inside the middle 80%: the launcher may
// cut the corners into any shape.
const maskable = svg.replace('rx="14"', 'rx="0"').replace('font-size="34"', 'font-size="26"').replace('y="44"', 'y="41"');
const browser = await launch();
const page = await browser.newPage();
for (const [name, size, source] of [
  ["icon-192.png", 192, svg],
  ["icon-512.png", 512, svg],
  ["icon-maskable-512.png", 512, maskable],
  ["apple-touch-icon.png", 180, maskable],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${source.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  await writeFile(new URL(`../public/${name}`, import.meta.url), await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log("icons written to public/");
