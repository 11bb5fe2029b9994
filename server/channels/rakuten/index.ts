import type { ChannelDefinition } from "#server/ports/channel.ts";
import { RMS_CANCEL_REASONS } from "./cancel-reasons.ts";
import { createRakutenClient } from "./client.ts";
import { createRakutenInquiryInbox } from "./inquiry-inbox.ts";
import { rakutenItemCsv } from "./item-csv.ts";
import { RAKUTEN_MASTERS } from "./masters.ts";
import { rakutenOrderSource } from "./order-source.ts";
import { rakutenParseCommand } from "./parse-command.ts";

/** RMS's licenseKey stops working 90 days after it is issued (WEB APIサービス). */
export const RAKUTEN_LICENSE_DAYS = 90;

/**
 * 楽天市場 over RMS: orders polled by date window, 注文確認, shipping reports, cancels and stock; buyer
 * messages (R-Messe) polled and answered.
 */
export const rakuten: ChannelDefinition = {
  code: "rakuten",
  label: "楽天市場",
  kind: "mall",
  credentials: [
    { key: "serviceSecret", label: "サービスシークレット(serviceSecret)", type: "secret" },
    {
      key: "licenseKey",
      label: "ライセンスキー(licenseKey)",
      type: "secret",
      expiresDays: RAKUTEN_LICENSE_DAYS,
    },
    {
      key: "licenseExpiresAt",
      label: "ライセンスキーの有効期限(任意)",
      type: "expiresAt",
      hint: "RMSの「WEB APIサービス」に表示される期限",
    },
  ],
  credentialExpiry: {
    expired: "ライセンスキーの有効期限が切れています。RMSで新しいライセンスキーを発行して登録してください。",
    expiring: (daysLeft) =>
      `ライセンスキーの有効期限まであと${daysLeft}日です。期限前にRMSで新しいキーを発行して登録してください。`,
  },
  capabilities: {
    source: "poll",
    // RMS refuses 注文確認 while the postage is undetermined (-9999).
    confirm: { required: true, needsFixedTotal: true },
    reportShipping: true,
    cancel: true,
    stock: true,
    // RMS reflects its own cancellations for about 62 days after the order.
    recheckDays: 62,
    inquiries: true,
  },
  cancelReasons: RMS_CANCEL_REASONS,
  productFile: rakutenItemCsv,
  masters: RAKUTEN_MASTERS,
  defaults: { gracePeriodMinutes: 30 },
  commands: {
    parse: {
      usage: "<getOrder応答のJSONファイル>   (取り込む注文をJSONで表示。データベースは使いません)",
      run: (args, io) => rakutenParseCommand(args[0] ?? "", io),
    },
  },
  createClients(config, credentials, masters) {
    const connection = {
      baseUrl: config.apiUrl ?? "https://api.rms.rakuten.co.jp",
      credentials: {
        serviceSecret: credentials.serviceSecret ?? "",
        licenseKey: credentials.licenseKey ?? "",
      },
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
    };
    const client = createRakutenClient({
      ...connection,
      ...(masters ? { masters } : {}),
      ...(config.stockPushIntervalMs !== undefined
        ? { stockPushIntervalMs: config.stockPushIntervalMs }
        : {}),
    });
    return {
      source: rakutenOrderSource(client),
      sink: client,
      stock: client,
      inquiries: createRakutenInquiryInbox(connection),
    };
  },
};
