import { z } from "@hono/zod-openapi";

export const actedBySchema = z
  .object({
    kind: z.enum(["user", "token", "system"]),
    id: z.string().nullable().describe("ユーザーまたはAPIトークンのID(システムは null)"),
    label: z
      .string()
      .describe("ユーザーの名前(なければメールアドレス)、APIトークンの名前、または「システム」"),
  })
  .describe("だれが行ったか");

export type ActedBy = z.infer<typeof actedBySchema>;

/**
 * A history entry's `user:<id>` / `token:<id>` / `system[:job]` in words, from the names loaded with
 * the history. A user removed since keeps their name (their row stays).
 */
export function actedBy(actor: string, names: Readonly<Record<string, string>>): ActedBy {
  const [kind, id = null] = actor.split(":", 2);
  const name = names[actor];
  if (kind === "user") return { kind, id, label: name ?? "ユーザー" };
  if (kind === "token") return { kind, id, label: name ? `APIトークン「${name}」` : "APIトークン" };
  return { kind: "system", id: null, label: "システム" };
}
