// Writes file.gz and file.br beside each text and wasm file of dist/, for
// hosts that serve precompressed files (nginx gzip_static/brotli_static,
// Caddy's precompressed, Netlify and Cloudflare Pages compress on their own).
// The highest levels: this runs once per build, the files are served many
// times.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = new URL("../dist/", import.meta.url).pathname;
const worth = /\.(html|js|wasm|css|svg|json|webmanifest)$/;
let raw = 0;
let gz = 0;
let br = 0;
const files = (root) =>
  readdirSync(root, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(root, e.name)) : [relative(dir, join(root, e.name))],
  );
for (const name of files(dir).filter((f) => worth.test(f))) {
  const body = readFileSync(join(dir, name));
  const gzip = gzipSync(body, { level: 9 });
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(join(dir, `${name}.gz`), gzip);
  writeFileSync(join(dir, `${name}.br`), brotli);
  raw += body.length;
  gz += gzip.length;
  br += brotli.length;
}
console.log(`precompressed: ${raw} B raw, ${gz} B gzip, ${br} B brotli`);
