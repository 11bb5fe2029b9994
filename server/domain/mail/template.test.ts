import assert from "node:assert/strict";
import { test } from "node:test";
import { MAIL_PLACEHOLDERS } from "./placeholders.ts";
import { checkTemplate } from "./template.ts";

const ok = {
  subject: "【{{ショップ名}}】ご注文ありがとうございます",
  body: "{{購入者名}} 様\n{{ 注文番号 }}",
};

test("a template using known placeholders, with or without spaces inside the braces, is accepted", () => {
  assert.equal(checkTemplate(ok), null);
  assert.equal(checkTemplate({ subject: "件名", body: "{{　合計金額　}} {{伝票番号 }}" }), null);
});

test("unknown placeholders are refused at save time, every bad one named with the full list", () => {
  const refusal = checkTemplate({
    subject: "{{注文No}}",
    body: "{{お客様名}} 様 {{注文番号}} {{ 送料無料 }} {{お客様名}}",
  });
  assert.equal(refusal?.code, "validation.failed");
  const errors = refusal?.errors ?? [];
  assert.deepEqual(
    errors.map((e) => e.path),
    ["subject", "body"],
  );
  assert.match(
    errors[0]?.message ?? "",
    /^「\{\{注文No\}\}」は使えない差し込み項目です。使えるもの: \{\{ショップ名\}\}、\{\{注文番号\}\}、/,
  );
  const body = errors[1]?.message ?? "";
  assert.match(body, /^「\{\{お客様名\}\}」「\{\{送料無料\}\}」は使えない差し込み項目です。/);
  for (const p of MAIL_PLACEHOLDERS) assert.ok(body.includes(`{{${p.name}}}`), p.name);
});

test("an unclosed {{ is refused where it is, not matched with a later placeholder's }}", () => {
  const refusal = checkTemplate({ subject: "件名", body: "ご注文番号: {{注文番号\nお名前: {{購入者名}} 様" });
  assert.deepEqual(refusal?.errors, [
    {
      path: "body",
      message:
        "「{{注文番号」の「{{」が閉じられていません。差し込み項目は {{注文番号}} のように「}}」で閉じてください。",
    },
  ]);
  assert.match(
    checkTemplate({ subject: "{{ショップ名", body: "本文" })?.errors?.[0]?.message ?? "",
    /閉じられていません/,
  );
  assert.ok(checkTemplate({ subject: "件名", body: "{{{注文番号}}}" }));
  assert.equal(checkTemplate({ subject: "件名", body: "ポイント }} と { は記号のまま" }), null);
});

test("full-width braces typed with the IME on are pointed out", () => {
  const refusal = checkTemplate({ subject: "件名", body: "｛｛注文番号｝｝" });
  assert.match(refusal?.errors?.[0]?.message ?? "", /全角/);
});

test("subject: not empty, one line, at most 200 characters; body: not empty, at most 20,000", () => {
  const paths = (t: { subject: string; body: string }) => checkTemplate(t)?.errors?.map((e) => e.message);
  assert.deepEqual(paths({ subject: " ", body: "" }), [
    "件名を入力してください。",
    "本文を入力してください。",
  ]);
  assert.deepEqual(paths({ subject: "ご注文\r\nありがとう", body: "本文" }), [
    "件名に改行は入れられません。",
  ]);
  assert.equal(checkTemplate({ subject: "あ".repeat(200), body: "い".repeat(20_000) }), null);
  assert.deepEqual(paths({ subject: "あ".repeat(201), body: "い".repeat(20_001) }), [
    "件名は200文字以内にしてください(現在201文字)。",
    "本文は20000文字以内にしてください(現在20001文字)。",
  ]);
});
