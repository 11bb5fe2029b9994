import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_CANCEL_PHRASES,
  DEFAULT_REPLY_TEMPLATE,
  inquiryLinkageOf,
  inquiryLinkageSchema,
  isCancelRequest,
} from "./inquiry-linkage.ts";
import { defaultShopSettings, shopSettingsSchema } from "./shop-settings.ts";

const phrases = [...DEFAULT_CANCEL_PHRASES];
const cases: [string, boolean, string, boolean][] = [
  ["the channel's flag alone", true, "お世話になります", true],
  ["a default phrase", false, "先ほどの注文をキャンセルしたいです", true],
  ["full-width / half-width kana (NFKC)", false, "ｷｬﾝｾﾙ したい", true],
  ["spaces inside the phrase", false, "注文を　取り消し　できますか", true],
  ["取消 spelled without the okurigana", false, "注文を取消お願いします", true],
  ["no phrase, no flag", false, "配送日を変更したいです", false],
  ["キャンセル alone is not a request", false, "キャンセル料はかかりますか", false],
];
for (const [name, flag, message, expected] of cases) {
  test(`isCancelRequest: ${name} → ${expected}`, () => {
    assert.equal(isCancelRequest({ cancelRequested: flag, message }, phrases), expected);
  });
}

test("isCancelRequest: the shop's own phrases replace the defaults; an empty phrase matches nothing", () => {
  assert.equal(isCancelRequest({ cancelRequested: false, message: "やめたいです" }, ["やめたい"]), true);
  assert.equal(isCancelRequest({ cancelRequested: false, message: "キャンセルしたい" }, ["やめたい"]), false);
  assert.equal(isCancelRequest({ cancelRequested: false, message: "何か" }, [" "]), false);
});

test("inquiryLinkage: off by default, automatic cancel on, the Japanese template and phrases", () => {
  const d = defaultShopSettings({ gracePeriodMinutes: 30, takesCancels: true }).inquiryLinkage;
  assert.deepEqual(d, {
    enabled: false,
    autoCancel: true,
    replyTemplate: DEFAULT_REPLY_TEMPLATE,
    cancelPhrases: phrases,
  });
});

test("inquiryLinkage: settings saved before it existed read as the defaults", () => {
  const old = { ...defaultShopSettings({ gracePeriodMinutes: 30, takesCancels: true }) } as Record<
    string,
    unknown
  >;
  delete old.inquiryLinkage;
  assert.equal(shopSettingsSchema.parse(old).inquiryLinkage.enabled, false);
  assert.equal(inquiryLinkageOf(old).autoCancel, true);
  assert.equal(inquiryLinkageOf({ inquiryLinkage: { enabled: true } }).enabled, true);
});

test("inquiryLinkage: refusals name the field and the rule", () => {
  const refused: [unknown, string, RegExp][] = [
    [{ replyTemplate: "  " }, "replyTemplate", /返信文を入力/],
    [{ replyTemplate: "{{注文日時}}" }, "replyTemplate", /使えない差し込み項目/],
    [{ replyTemplate: "x".repeat(2001) }, "replyTemplate", /2000文字/],
    [{ cancelPhrases: [""] }, "cancelPhrases.0", /空の語句/],
    [{ cancelPhrases: Array(51).fill("a") }, "cancelPhrases", /50個/],
    [{ enabled: "yes" }, "enabled", /./],
  ];
  for (const [input, path, message] of refused) {
    const r = inquiryLinkageSchema.safeParse(input);
    assert.equal(r.success, false, JSON.stringify(input));
    const issue = r.error?.issues[0];
    assert.equal(issue?.path.join("."), path);
    assert.match(issue?.message ?? "", message);
  }
});
