import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { printPlans, runAccountPlan } from "#server/account-plan-command.ts";
import { createAccount, type NewAccount } from "#server/app/account/create-account.ts";
import { setUpFirstAccount } from "#server/app/account/first-run-setup.ts";
import { CHANNEL_COMMANDS } from "#server/compose.ts";
import { type Config, loadConfig } from "#server/config.ts";
import { runCustomersRelink } from "#server/customers-relink-command.ts";
import { openDatabase } from "#server/db/database.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { passwordPrompt } from "#server/password-prompt.ts";
import { runSearchReindex } from "#server/search-reindex-command.ts";
import { runShipDatesRecompute } from "#server/ship-dates-command.ts";
import { startUpFailure } from "#server/start-up-failure.ts";

const USAGE = `使い方:
  npm run juchu -- account create --name <事業者名> --email <メール> [--another-account] [--data-dir <PGliteフォルダ>]
      パスワードは画面に表示せずに2回たずねます (パイプからは1行ずつ読みます)。
      --another-account: すでに事業者があるデータベースに、別の事業者(データは共有されません)を作ります。
  npm run juchu -- account plan --account <事業者ID または ユーザーのメール> --plan <プラン> [--data-dir <PGliteフォルダ>]
      事業者のプラン(使える機能とショップ数)を変えます。サーバーの再起動はいりません。
  npm run juchu -- account plan --list
      プランと機能の一覧を表示します。
  npm run juchu -- search reindex [--data-dir <PGliteフォルダ>]
      注文の検索用の列を作り直します(モールの注文はカナをモールから読み直します)。何度実行しても同じ結果です。
      PGlite ではサーバーを止めてから実行してください。
  npm run juchu -- customers relink [--data-dir <PGliteフォルダ>]
      顧客に結び付いていない注文(顧客機能より前の注文)を古い順に結び付けます。ワーカーも少しずつ行います。
  npm run juchu -- ship-dates recompute [--account <事業者ID>] [--data-dir <PGliteフォルダ>]
      倉庫にまだ依頼していない出荷の出荷予定日・お届け予定日を、今の倉庫カレンダーと商品の
      お届け対応可能日数で計算し直します(カレンダーより前に受けた注文に)。何度実行しても同じ結果です。
${CHANNEL_COMMANDS.map((c) => `  npm run juchu -- ${c.channel} ${c.name} ${c.command.usage}\n`).join("")}
DATABASE_URL があれば PostgreSQL、なければ --data-dir (既定 ./data) の PGlite を使います。`;

const accountInput = z.object({
  name: z.string().trim().min(1, "--name を指定してください").max(100),
  email: z.email("--email の形式が正しくありません"),
  password: z.string().min(8, "パスワードは8文字以上にしてください").max(200),
});

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      email: { type: "string" },
      // Still read for scripts, but a password typed here is echoed by npm and kept in the shell history.
      password: { type: "string" },
      "another-account": { type: "boolean" },
      account: { type: "string" },
      plan: { type: "string" },
      list: { type: "boolean" },
      "data-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const channelCommand = CHANNEL_COMMANDS.find(
    (c) => c.channel === positionals[0] && c.name === positionals[1],
  )?.command;
  if (!values.help && channelCommand) {
    return channelCommand.run(positionals.slice(2), { out: console.log, err: console.error });
  }
  if (!values.help && positionals.join(" ") === "account plan") {
    if (values.list) return printPlans();
    if (!values.account || !values.plan) {
      console.error("エラー: --account と --plan を指定してください (一覧は --list)");
      return 2;
    }
    const { account, plan } = values;
    return runCommand(values["data-dir"], (config) => runAccountPlan(config, account, plan));
  }
  if (!values.help && positionals.join(" ") === "search reindex") {
    return runCommand(values["data-dir"], runSearchReindex);
  }
  if (!values.help && positionals.join(" ") === "customers relink") {
    return runCommand(values["data-dir"], runCustomersRelink);
  }
  if (!values.help && positionals.join(" ") === "ship-dates recompute") {
    const account = values.account ?? null;
    if (account !== null && !z.uuid().safeParse(account).success) {
      console.error("エラー: --account は事業者ID(UUID)で指定してください");
      return 2;
    }
    return runCommand(values["data-dir"], (config) => runShipDatesRecompute(config, account));
  }
  if (values.help || positionals.join(" ") !== "account create") {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const fields = accountInput.omit({ password: true }).safeParse(values);
  if (!fields.success) {
    for (const issue of fields.error.issues) console.error(`エラー: ${issue.message}`);
    return 2;
  }
  const config = loadConfig(process.env, values["data-dir"] ? { dataDir: values["data-dir"] } : {});
  try {
    return await createAccountIn(config, {
      ...fields.data,
      password: values.password,
      another: values["another-account"] === true,
    });
  } catch (error) {
    const message = startUpFailure(error, config);
    if (!message) throw error;
    console.error(message);
    return 1;
  }
}

/** A command over the database; a folder in use or a database that is down is told in words. */
function runCommand(dataDir: string | undefined, run: (config: Config) => Promise<number>): Promise<number> {
  const config = loadConfig(process.env, dataDir ? { dataDir } : {});
  return run(config).catch((error) => {
    const message = startUpFailure(error, config);
    if (!message) throw error;
    console.error(message);
    return 1;
  });
}

/** The database is opened first, so a folder in use or a database that is down fails before the questions. */
async function createAccountIn(
  config: Config,
  given: Omit<NewAccount, "password"> & { password: string | undefined; another: boolean },
): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const password = given.password ?? (await askPassword());
    if (password === null) {
      console.error("エラー: 2回入力したパスワードが一致しません");
      return 2;
    }
    const input = accountInput.safeParse({ name: given.name, email: given.email, password });
    if (!input.success) {
      for (const issue of input.error.issues) console.error(`エラー: ${issue.message}`);
      return 2;
    }
    const ctx = { db: database.db, newId: randomUUID };
    const created = given.another
      ? await createAccount(ctx, input.data)
      : await setUpFirstAccount(ctx, input.data);
    console.log(JSON.stringify(created));
    console.error(
      `${given.another ? "既存の事業者とは別の" : ""}事業者「${input.data.name}」を作りました (ログイン: ${input.data.email})。APIトークンは今だけ表示されます。`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Refusal && error.code === "setup.already_done") {
      console.error(
        "エラー: このデータベースにはすでに事業者があります。その事業者の管理画面にログインしてください。別の事業者(注文やショップは共有されません)を作るときだけ --another-account を付けて実行してください。",
      );
      return 1;
    }
    if (error instanceof Refusal) {
      console.error(`エラー: ${error.detail}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** Asks twice; null when the two answers differ. */
async function askPassword(): Promise<string | null> {
  const prompt = passwordPrompt();
  try {
    const first = await prompt.ask("パスワード (8文字以上): ");
    const again = await prompt.ask("パスワード (確認): ");
    return first === again ? first : null;
  } finally {
    prompt.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(startUpFailure(error) ?? error);
    process.exit(1);
  },
);
