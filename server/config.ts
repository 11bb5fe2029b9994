import { join } from "node:path";
import { z } from "zod";

const configSchema = z.object({
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: "postgres://ユーザー:パスワード@ホスト:5432/データベース名 の形で書いてください",
    })
    .refine(
      // `postgres://…` in a README is a placeholder; its host would only fail later, in a DNS stack trace.
      (url) => /^([A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\])$/.test(new URL(url).hostname),
      {
        error: (issue) =>
          `ホスト名「${decodeURIComponent(new URL(String(issue.input)).hostname)}」は書き方の例のままです。postgres://ユーザー:パスワード@ホスト:5432/データベース名 の形で実際の値を書いてください`,
      },
    )
    .optional(),
  JUCHU_DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  JUCHU_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  JUCHU_SECRET_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, "base64").length === 32,
      "must be 32 bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  /** How long a shop's import stays locked after a crash (a running import holds it this long). */
  JUCHU_IMPORT_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Where people open the admin (behind a proxy, say), for the links in invitation mails. */
  JUCHU_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "https://juchu.example.jp のようなURLを書いてください" })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  port: number;
  host: string;
  role: "all" | "web" | "worker";
  logLevel: string;
  /** The key that seals mall credentials: JUCHU_SECRET_KEY, else a key file kept in the data folder. */
  secretKey: { key?: string | undefined; file: string };
  /**
   * Where a channel's or warehouse kind's API answers, by its code, from JUCHU_<CODE>_API_URL (a
   * sandbox, a proxy); one not named here uses its definition's own.
   */
  apiUrls: Record<string, string>;
  importLeaseMs: number;
  /** JUCHU_PUBLIC_URL without a trailing slash; links then use the address a request came to. */
  publicUrl: string | undefined;
};

export class ConfigError extends Error {}

const API_URL_NAME = /^JUCHU_([A-Z0-9]+)_API_URL$/;

/** Every JUCHU_<CODE>_API_URL as { code: url }; a value that is not a URL is a configuration error. */
function apiUrlsOf(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const code = API_URL_NAME.exec(name)?.[1];
    if (!code || !value) continue;
    if (!z.url().safeParse(value).success)
      throw new ConfigError(`設定が正しくありません (invalid configuration): ${name}: URLではありません`);
    urls[code.toLowerCase()] = value.replace(/\/+$/, "");
  }
  return urls;
}

/** The only reader of process.env: every problem is listed at once so a bad deploy is fixed in one go. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { dataDir?: string } = {},
): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`設定が正しくありません (invalid configuration): ${problems.join(" / ")}`);
  }
  const c = parsed.data;
  return {
    database: c.DATABASE_URL
      ? { kind: "postgres", url: c.DATABASE_URL }
      : { kind: "pglite", dataDir: overrides.dataDir ?? c.JUCHU_DATA_DIR },
    port: c.PORT,
    host: c.HOST,
    role: c.JUCHU_ROLE,
    logLevel: c.LOG_LEVEL,
    secretKey: { key: c.JUCHU_SECRET_KEY, file: join(overrides.dataDir ?? c.JUCHU_DATA_DIR, "secret.key") },
    apiUrls: apiUrlsOf(env),
    importLeaseMs: c.JUCHU_IMPORT_LEASE_SECONDS * 1000,
    publicUrl: c.JUCHU_PUBLIC_URL?.replace(/\/+$/, ""),
  };
}
