import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

// The admin loads only its own bundle and calls only its own API; nothing may frame it.
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? path : null;
}

/** The buyer portal (発注) is a second page of the same build, under /buyer; every other page is the admin's. */
function pageOf(path: string): string {
  return path === "/buyer" || path === "/buyer.html" || path.startsWith("/buyer/")
    ? "buyer.html"
    : "index.html";
}

/**
 * The admin UI's production bundle (`web/dist`, built by `npm run build`) and the SPA fallback: any
 * other page path answers index.html so a reload on /orders/… works. Hashed assets are cached forever.
 */
export function serveWeb(root: string = WEB_DIST) {
  return async (c: Context) => {
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") return c.notFound();
    const page = c.req.path === "/index.html" || c.req.path === "/buyer.html" || extname(c.req.path) === "";
    const file = page ? null : await fileAt(root, c.req.path);
    if (file) {
      const hashed = c.req.path.startsWith("/assets/");
      return c.body(await readFile(file), 200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      });
    }
    // A missing asset is a 404, not the page: a stale tab asking for an old chunk must not get HTML.
    if (!page || c.req.path.startsWith("/assets/")) return c.notFound();
    const index = await readFile(join(root, pageOf(c.req.path))).catch(() => null);
    if (!index) {
      return c.text("管理画面がビルドされていません。`npm run build` を実行してください。", 503);
    }
    return c.body(index, 200, {
      ...PAGE_HEADERS,
      "content-type": TYPES[".html"] as string,
      "cache-control": "no-cache",
    });
  };
}
