// Serves the release dist/ as a static host does: the SPA fallback that
// 404.html gives, and the build's precompressed .br/.gz files. Used by
// scripts/serve, the end-to-end tests and the bench scripts.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const DIST = new URL("../dist/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/** Serves dist/ at the root, or under `prefix` ("/zhibu") as a project
 * site would: unknown paths under it get index.html, others nothing. */
export async function startServer(prefix = "", port = 0) {
  let root = DIST;
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!full.startsWith(prefix + "/")) {
      res.writeHead(404);
      res.end();
      return;
    }
    const path = normalize(full.slice(prefix.length));
    let file = join(root, path);
    try {
      if (!(await stat(file)).isFile()) file = join(root, "index.html");
    } catch {
      file = join(root, "index.html");
    }
    try {
      // As a host that serves the build's precompressed files does.
      const accepts = req.headers["accept-encoding"] || "";
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      let body = null;
      for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
        if (body || !accepts.includes(encoding)) continue;
        try {
          body = await readFile(file + suffix);
          headers["content-encoding"] = encoding;
          headers["vary"] = "accept-encoding";
        } catch {
          body = null;
        }
      }
      body ||= await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = server.address().port;
  return {
    origin: `http://127.0.0.1:${bound}${prefix}`,
    close: () => new Promise((r) => server.close(r)),
    /** Serves another build from now on, as a deploy does. */
    deploy: (dir) => {
      root = dir;
    },
  };
}

// `node scripts/static-server.mjs [port]`: serves until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] || 8080);
  const { origin } = await startServer("", port);
  console.log(`支部工作手册: ${origin}/`);
}
