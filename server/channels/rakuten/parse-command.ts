import { readFile } from "node:fs/promises";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { parseGetOrderResponse, RakutenResponseError } from "./get-order-response.ts";

type Output = { out(text: string): void; err(text: string): void };

/** JSON with every Date as Tokyo ISO (+09:00), the way merchants and the API read times. */
export function toDisplayJson(value: unknown): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key, current) {
      const raw = this[key];
      return raw instanceof Date ? toTokyoIso(raw) : current;
    },
    2,
  );
}

/**
 * `npm run juchu -- rakuten parse <file>`: for support, the orders Juchu reads from a saved getOrder
 * (or getOrderItem) response body. Exit 0 with the JSON on stdout; 1 with the reason on stderr when
 * the file cannot be read, is not JSON, is not a getOrder response, or carries an ERROR message.
 */
export async function rakutenParseCommand(file: string, io: Output): Promise<number> {
  let body: string;
  try {
    body = await readFile(file, "utf8");
  } catch (error) {
    io.err(`エラー: ファイルを読めません (cannot read the file): ${file}: ${(error as Error).message}`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    io.err(`エラー: JSON ではありません (not JSON): ${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const { orders, notFound, errors } = parseGetOrderResponse(json);
    if (errors.length > 0) {
      const lines = errors.map(
        (e) => `  ${e.code}: ${e.message}${e.orderNumber ? ` (${e.orderNumber})` : ""}`,
      );
      io.err(
        ["エラー: 楽天RMSがエラーを返しています (RMS answered with ERROR messages):", ...lines].join("\n"),
      );
      return 1;
    }
    io.out(toDisplayJson({ orders, notFound }));
    return 0;
  } catch (error) {
    if (error instanceof RakutenResponseError) {
      io.err(`エラー: ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
