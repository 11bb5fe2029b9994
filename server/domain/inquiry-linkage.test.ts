import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type CancelSignal,
  DEFAULT_CANCEL_PHRASES,
  DEFAULT_REPLY_TEMPLATE,
  inquiryLinkageOf,
  inquiryLinkageSchema,
  isCancelRequest,
} from "./inquiry-linkage.ts";
import { defaultShopSettings, shopSettingsSchema } from "./shop-settings.ts";

const phrases = [...DEFAULT_CANCEL_PHRASES];
const cases: [string, CancelSignal, string, boolean][] = [
  ["a channel certain of a cancel, without a phrase", "cancel", "お世話になります", true],
  [
    "a category shared with returns, without a phrase (a return)",
    "cancel_or_return",
    "返品したいです",
    false,
  ],
  ["a category shared with returns, with a phrase", "cancel_or_return", "キャンセルしたいです", true],
  ["a default phrase", "none", "先ほどの注文をキャンセルしたいです", true],
  ["full-width / half-width kana (NFKC)", "none", "ｷｬﾝｾﾙ したい", true],
  ["spaces inside the phrase", "none", "注文を　取り消し　できますか", true],
  ["取消 spelled without the okurigana", "none", "注文を取消お願いします", true],
  ["no phrase, no signal", "none", "配送日を変更したいです", false],
  ["キャンセル alone is not a request", "none", "キャンセル料はかかりますか", false],
];
for (const [name, signal, message, expected] of cases) {
  test(`isCancelRequest: ${name} → ${expected}`, () => {
    assert.equal(isCancelRequest({ cancelSignal: signal, message }, phrases), expected);
  });
}

test("isCancelRequest: the shop's own phrases replace the defaults; an empty phrase matches nothing", () => {
  assert.equal(isCancelRequest({ cancelSignal: "none", message: "やめたいです" }, ["やめたい"]), true);
  assert.equal(isCancelRequest({ cancelSignal: "none", message: "キャンセルしたい" }, ["やめたい"]), false);
  assert.equal(isCancelRequest({ cancelSignal: "none", message: "何か" }, [" "]), false);
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
