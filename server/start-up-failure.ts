import { type Config, ConfigError } from "#server/config.ts";
import { DataFolderInUse } from "#server/db/data-folder-lock.ts";

/**
 * What `npm start` and the CLI print when they cannot start: one line saying what to do for the
 * failures a person fixes by hand (a port, a database, the configuration); anything else is a bug and
 * keeps its stack trace.
 */
export function startUpFailure(error: unknown, config?: Pick<Config, "port" | "database">): string | null {
  if (error instanceof ConfigError || error instanceof DataFolderInUse) return error.message;
  const e = error as { code?: string; syscall?: string; errors?: { code?: string }[] };
  const code = e?.code ?? e?.errors?.[0]?.code;
  if (!config) return null;
  if (e?.syscall === "listen" && code === "EADDRINUSE") {
    return `ポート ${config.port} は別のプロセスが使っています。そのプロセスを止めるか、PORT=${config.port + 1} npm start のように別のポートを指定してください。`;
  }
  if (e?.syscall === "listen" && code === "EACCES") {
    return `ポート ${config.port} で待ち受ける権限がありません。1024 以上のポートを PORT で指定してください。`;
  }
  if (config.database.kind !== "postgres") return null;
  const target = describe(config.database.url);
  if (code === "3D000") {
    return `データベース ${target.database} がありません。createdb -h ${target.host} ${target.database} で作るか、DATABASE_URL で既存のデータベースを指定してください。`;
  }
  if (code === "28P01" || code === "28000") {
    return `PostgreSQL (${target.host}:${target.port}) にログインできません (ユーザーまたはパスワードが違います)。DATABASE_URL のユーザーとパスワードを確認してください。`;
  }
  if (code && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH"].includes(code)) {
    return `PostgreSQL (${target.host}:${target.port}) に接続できません (${code})。PostgreSQL が動いているか、DATABASE_URL のホストとポートを確認してください。`;
  }
  return null;
}

function describe(url: string): { host: string; port: string; database: string } {
  const u = new URL(url);
  return {
    host: u.hostname || "localhost",
    port: u.port || "5432",
    database: decodeURIComponent(u.pathname.slice(1)) || "(ユーザー名と同じ名前)",
  };
}
