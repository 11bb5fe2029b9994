import { Refusal } from "./refusal.ts";

/** A list page's end as the next request gives it back: the last row's sort instant and id, opaque to callers. */
export type KeysetCursor = { at: string; id: string };

export const encodeCursor = (c: KeysetCursor): string => Buffer.from(JSON.stringify(c)).toString("base64url");

export function decodeCursor(raw: string): KeysetCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as KeysetCursor;
    if (typeof c.at === "string" && typeof c.id === "string" && !Number.isNaN(Date.parse(c.at))) return c;
  } catch {}
  throw new Refusal("validation.failed", "cursorが正しくありません。", {
    errors: [{ path: "cursor", message: "前の応答の nextCursor をそのまま指定してください" }],
  });
}
