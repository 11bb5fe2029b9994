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
