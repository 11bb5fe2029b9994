import type { Permissions } from "../api/types.ts";

/**
 * A token's scopes as the merchant reads them: one entry per area, 変更 when it may write (which
 * includes reading), else 閲覧; every area writable is すべて(変更).
 */
export function scopeSummary(scopes: readonly string[], permissions: Permissions | undefined): string[] {
  const areas = permissions?.areas ?? [];
  const access = (area: string) =>
    scopes.includes(`${area}:write`) ? "変更" : scopes.includes(`${area}:read`) ? "閲覧" : null;
  if (areas.length > 0 && areas.every((a) => access(a.code) === "変更")) return ["すべて(変更)"];
  const known = areas.flatMap((a) => {
    const level = access(a.code);
    return level ? [`${a.label}: ${level}`] : [];
  });
  const areaCodes = new Set(areas.map((a) => a.code));
  const unknown = scopes.filter((s) => !areaCodes.has(s.split(":")[0] ?? ""));
  return [...known, ...unknown];
}
