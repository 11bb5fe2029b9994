import assert from "node:assert/strict";
import { test } from "node:test";
import { sampleFacts } from "../mail/fixtures.ts";
import { checkTemplate, renderMail } from "../mail/template.ts";
import { B2B_MAILS } from "./mails.ts";

test("the desk's four mails carry the seed's subjects with the product's name, and pass the template check", () => {
  const facts = sampleFacts({
    shopName: "テスト一号店",
    companyName: "株式会社テスト商事",
    cancelReason: "重複して発注した",
    refusalReason: "出荷準備済みのため",
  });
  const subjects = Object.fromEntries(
    Object.entries(B2B_MAILS).map(([key, mail]) => {
      assert.equal(checkTemplate(mail), null, key);
      return [key, renderMail(mail, facts).subject];
    }),
  );
  assert.deepEqual(subjects, {
    order_received: "【受注管理 Juchu】ご注文を受け付けました",
    cancel_requested: "【受注管理 Juchu】キャンセルリクエストがありました(テスト一号店)",
    cancel_approved: "【受注管理 Juchu】オーダーがキャンセルされました",
    cancel_refused: "【受注管理 Juchu】キャンセルできませんでした。",
  });
  assert.match(
    renderMail(B2B_MAILS.cancel_requested, facts).body,
    /株式会社テスト商事 様から.*\n[\s\S]*キャンセル理由: 重複して発注した/,
  );
  assert.match(renderMail(B2B_MAILS.cancel_refused, facts).body, /却下の理由: 出荷準備済みのため/);
});
