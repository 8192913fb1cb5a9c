// The page's Content-Security-Policy allows exactly its inline scripts and
// stylesheets, by their SHA-256: the page's LOADER_HASH placeholder becomes
// the scripts' hashes, STYLE_HASH the stylesheets'.
import { createHash } from "node:crypto";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

export function allowInline(html) {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[0]) && m[1].trim() !== "")
    .map((m) => sha256(m[1]));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  return {
    html: html.replace("LOADER_HASH", scripts.join(" ")).replace("STYLE_HASH", styles.join(" ")),
    count: scripts.length + styles.length,
  };
}
