import assert from "node:assert/strict";
import { test } from "node:test";
import { loginRefusal } from "./login-throttle.ts";

const now = new Date("2030-01-15T01:00:00Z");
const since = new Date(now.getTime() - 5 * 60 * 1000);
const count = (attempts: number) => ({ attempts, since });

test("who may check a password, by the attempts counted so far (this one included)", () => {
  const cases: [string, { client: number; address: number; email: number }, boolean][] = [
    ["a first try", { client: 1, address: 1, email: 1 }, true],
    ["the tenth try of one client on one e-mail", { client: 10, address: 10, email: 10 }, true],
    ["the eleventh", { client: 11, address: 11, email: 11 }, false],
    ["one client spraying 30 e-mails", { client: 1, address: 30, email: 1 }, true],
    ["…and a 31st", { client: 1, address: 31, email: 1 }, false],
    [
      "the owner's first try while a stranger has failed 50 times",
      { client: 1, address: 1, email: 51 },
      true,
    ],
    ["the owner's third try then", { client: 3, address: 3, email: 53 }, true],
    ["a fourth try of a client once the e-mail is under attack", { client: 4, address: 4, email: 54 }, false],
    ["a fourth try while the e-mail is quiet", { client: 4, address: 4, email: 4 }, true],
  ];
  for (const [what, c, allowed] of cases) {
    const refusal = loginRefusal(
      { client: count(c.client), address: count(c.address), email: count(c.email) },
      now,
    );
    assert.equal(refusal === null, allowed, what);
    if (refusal) {
      assert.equal(refusal.code, "auth.too_many_attempts", what);
      assert.match(refusal.detail, /10分後/, `${what}: the window's remaining minutes`);
    }
  }
});
