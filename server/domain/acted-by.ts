/** Who did it, in words, for a timeline: the kind, the id, and the label a person reads. */
export type ActedBy = { kind: "user" | "token" | "system"; id: string | null; label: string };

/**
 * A history entry's `user:<id>` / `token:<id>` / `system[:job]` in words, from the names loaded with
 * the history (db/actor-names.ts). A user removed since keeps their name (their row stays).
 */
export function actedBy(actor: string, names: Readonly<Record<string, string>>): ActedBy {
  const [kind, id = null] = actor.split(":", 2);
  const name = names[actor];
  if (kind === "user") return { kind, id, label: name ?? "ユーザー" };
  if (kind === "token") return { kind, id, label: name ? `APIトークン「${name}」` : "APIトークン" };
  return { kind: "system", id: null, label: "システム" };
}
