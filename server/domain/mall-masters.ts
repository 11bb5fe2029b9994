import { Refusal } from "./refusal.ts";

/** One row of a shop's master: Juchu's code and the channel's code for the same thing. */
export type MasterRow = { code: string; mallCode: string };

/**
 * A master (マスタ管理) a channel's codes go through, which each shop may edit (楽天配送設定 …): Juchu's
 * vocabulary on one side, the channel's codes on the other, and the channel's defaults. Each channel
 * registers the kinds it has on its definition.
 */
export type MasterKind = {
  /** The kind's code, shared with the unknown values of the same kind (unknown-mall-values.ts). */
  kind: string;
  label: string;
  /** Juchu's codes of this kind with their labels (carrier.ts, payment.ts …). */
  codes: Readonly<Record<string, string>>;
  /** What the channel's code looks like (`hint` says it in the refusal), and the names the channel gives its codes. */
  mallCode: { pattern: RegExp; hint: string; labels: Readonly<Record<string, string>> };
  /** Juchu tells the channel in these codes (a shipping report): every Juchu code needs a row. */
  everyCode: boolean;
  defaults: readonly MasterRow[];
};

/** A shop's masters by kind: its own rows where it has edited them, the channel's defaults elsewhere. */
export type ShopMasters = Readonly<Record<string, readonly MasterRow[]>>;

/** The shop's masters of each kind its channel has; what the shop stored for a kind the channel no longer has is left out. */
export function shopMastersOf(kinds: readonly MasterKind[], stored: unknown): ShopMasters {
  const own = (stored ?? {}) as Record<string, readonly MasterRow[] | undefined>;
  return Object.fromEntries(kinds.map((k) => [k.kind, own[k.kind] ?? k.defaults]));
}

/**
 * A shop's new rows for one kind, checked as a whole: each Juchu code one of Juchu's, each channel code
 * of the channel's shape and given once (a code means one thing), and — where Juchu reports in these
 * codes — every Juchu code with a row. Every problem is named by its row and field.
 */
export function checkMasterRows(kind: MasterKind, rows: readonly MasterRow[]): MasterRow[] | Refusal {
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const cleaned = rows.map((r) => ({ code: r.code.trim(), mallCode: r.mallCode.trim() }));
  for (const [i, row] of cleaned.entries()) {
    if (!(row.code in kind.codes))
      errors.push({
        path: `rows.${i}.code`,
        message: `「${row.code}」はJuchuの${kind.label}のコードではありません`,
      });
    if (!kind.mallCode.pattern.test(row.mallCode))
      errors.push({
        path: `rows.${i}.mallCode`,
        message: `「${row.mallCode}」は${kind.mallCode.hint}ではありません`,
      });
    else if (seen.has(row.mallCode))
      errors.push({
        path: `rows.${i}.mallCode`,
        message: `モールのコード「${row.mallCode}」が2行にあります`,
      });
    seen.add(row.mallCode);
  }
  if (kind.everyCode) {
    for (const [code, label] of Object.entries(kind.codes)) {
      if (!cleaned.some((r) => r.code === code))
        errors.push({ path: "rows", message: `${label}(${code})の行がありません(モールへの報告に使います)` });
    }
  }
  if (errors.length > 0)
    return new Refusal("validation.failed", errors.map((e) => `${e.path}: ${e.message}`).join(" / "), {
      errors,
    });
  return cleaned;
}
