import { readdirSync, readFileSync } from "node:fs";
import { launch } from "../support.mjs";
const dir = "/work/main/out/screens/";
const prefix = process.argv[2] || "phone-";
const files = readdirSync(dir).filter((f) => f.startsWith(prefix)).sort();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 6 * 364, height: 760 } });
for (let i = 0; i < files.length; i += 6) {
  const imgs = files.slice(i, i + 6).map((f) => `<div><img src="data:image/png;base64,${readFileSync(dir + f).toString("base64")}"><b>${f}</b></div>`).join("");
  await page.setContent(`<style>body{margin:0;display:flex;gap:4px;background:#888}div{width:360px;height:760px;overflow:hidden;position:relative}img{width:360px}b{position:absolute;bottom:0;left:0;background:#ff0;font:12px sans-serif}</style>${imgs}`);
  await page.screenshot({ path: `/tmp/sheet-${i / 6}.png` });
}
await browser.close();
console.log(files.length);
