// The page's Content-Security-Policy allows exactly its inline scripts, by
// their SHA-256: the page's LOADER_HASH placeholder becomes those hashes.
import { createHash } from "node:crypto";

export function allowInlineScripts(html) {
  const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[0]) && m[1].trim() !== "")
    .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  return { html: html.replace("LOADER_HASH", hashes.join(" ")), count: hashes.length };
}
