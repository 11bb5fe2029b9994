import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { rakutenParseCommand } from "#server/adapters/malls/rakuten/parse-command.ts";
import { createAccount } from "#server/app/create-account.ts";
import { ConfigError, loadConfig } from "#server/config.ts";
import { openDatabase } from "#server/db/database.ts";
import { Refusal } from "#server/domain/refusal.ts";

const USAGE = `使い方:
  npm run juchu -- account create --name <事業者名> --email <メール> --password <パスワード> [--data-dir <PGliteフォルダ>]
  npm run juchu -- rakuten parse <getOrder応答のJSONファイル>   (取り込む注文をJSONで表示。データベースは使いません)

DATABASE_URL があれば PostgreSQL、なければ --data-dir (既定 ./data) の PGlite を使います。`;

const accountInput = z.object({
  name: z.string().trim().min(1, "--name を指定してください").max(100),
  email: z.email("--email の形式が正しくありません"),
  password: z.string().min(8, "--password は8文字以上にしてください").max(200),
});

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      "data-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (
    !values.help &&
    positionals.length === 3 &&
    positionals[0] === "rakuten" &&
    positionals[1] === "parse"
  ) {
    return rakutenParseCommand(positionals[2] ?? "", { out: console.log, err: console.error });
  }
  if (values.help || positionals.join(" ") !== "account create") {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const input = accountInput.safeParse(values);
  if (!input.success) {
    for (const issue of input.error.issues) console.error(`エラー: ${issue.message}`);
    return 2;
  }
  const config = loadConfig(process.env, values["data-dir"] ? { dataDir: values["data-dir"] } : {});
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const created = await createAccount({ db: database.db, newId: randomUUID }, input.data);
    console.log(JSON.stringify(created));
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(`エラー: ${error.detail}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
