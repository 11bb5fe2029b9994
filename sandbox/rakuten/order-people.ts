import { createHash } from "node:crypto";
import type { BuyerInput, PersonInput } from "./order-input.ts";
import type { Orderer, Person, Sender } from "./order-record.ts";

/**
 * 注文者 and 送付先 as RMS stores them: the zip code in two parts, the phone number in three, the
 * e-mail address masked behind Rakuten's relay (あんしんメルアド). The defaults are a made-up buyer.
 */

const defaults = {
  familyName: "楽天",
  firstName: "花子",
  familyNameKana: "ラクテン",
  firstNameKana: "ハナコ",
  zipCode: "158-0094",
  prefecture: "東京都",
  city: "世田谷区",
  subAddress: "玉川1-2-3 サンドボックスハイツ101",
  phoneNumber: "03-1234-5678",
} as const;

function splitPhone(phone: string): [string, string, string] {
  const parts = phone.split("-");
  if (parts.length === 3) return parts as [string, string, string];
  // Without hyphens: mobile numbers are 3-4-4, fixed lines here are taken as 2-4-4.
  const cut = phone.length === 11 ? 3 : 2;
  return [phone.slice(0, cut), phone.slice(cut, cut + 4), phone.slice(cut + 4)];
}

export function toPerson(input: PersonInput | undefined, base: Person | undefined): Person {
  const fallback = base ?? splitDefaults();
  const zip = input?.zipCode?.replace("-", "");
  const phone = input?.phoneNumber === undefined ? undefined : splitPhone(input.phoneNumber);
  return {
    zipCode1: zip === undefined ? fallback.zipCode1 : zip.slice(0, 3),
    zipCode2: zip === undefined ? fallback.zipCode2 : zip.slice(3),
    prefecture: input?.prefecture ?? fallback.prefecture,
    city: input?.city ?? fallback.city,
    subAddress: input?.subAddress ?? fallback.subAddress,
    familyName: input?.familyName ?? fallback.familyName,
    firstName: input?.firstName ?? fallback.firstName,
    familyNameKana: input?.familyNameKana ?? fallback.familyNameKana,
    firstNameKana: input?.firstNameKana ?? fallback.firstNameKana,
    phoneNumber1: phone ? phone[0] : fallback.phoneNumber1,
    phoneNumber2: phone ? phone[1] : fallback.phoneNumber2,
    phoneNumber3: phone ? phone[2] : fallback.phoneNumber3,
  };
}

function splitDefaults(): Person {
  const [p1, p2, p3] = splitPhone(defaults.phoneNumber);
  return {
    zipCode1: defaults.zipCode.slice(0, 3),
    zipCode2: defaults.zipCode.slice(4),
    prefecture: defaults.prefecture,
    city: defaults.city,
    subAddress: defaults.subAddress,
    familyName: defaults.familyName,
    firstName: defaults.firstName,
    familyNameKana: defaults.familyNameKana,
    firstNameKana: defaults.firstNameKana,
    phoneNumber1: p1,
    phoneNumber2: p2,
    phoneNumber3: p3,
  };
}

/** The relay address RMS shows instead of the buyer's own: 32 hex characters + s1@pc.fw.rakuten.ne.jp. */
export function maskedEmail(seed: string): string {
  return `${createHash("md5").update(seed).digest("hex")}s1@pc.fw.rakuten.ne.jp`;
}

export function toOrderer(input: BuyerInput | undefined, orderNumber: string, base?: Orderer): Orderer {
  const birth = input?.birthDate?.split("-").map(Number);
  return {
    ...toPerson(input, base),
    emailAddress: input?.emailAddress ?? base?.emailAddress ?? maskedEmail(orderNumber),
    sex: input?.sex ?? base?.sex ?? "女",
    birthYear: birth?.[0] ?? base?.birthYear ?? 0,
    birthMonth: birth?.[1] ?? base?.birthMonth ?? 0,
    birthDay: birth?.[2] ?? base?.birthDay ?? 0,
  };
}

export function toSender(input: PersonInput | undefined, base: Person, baseIsland: 0 | 1 = 0): Sender {
  const island = input?.isolatedIsland;
  return { ...toPerson(input, base), isolatedIslandFlag: island === undefined ? baseIsland : island ? 1 : 0 };
}

const PERSON_FIELDS = [
  "zipCode1",
  "zipCode2",
  "prefecture",
  "city",
  "subAddress",
  "familyName",
  "firstName",
  "familyNameKana",
  "firstNameKana",
  "phoneNumber1",
  "phoneNumber2",
  "phoneNumber3",
] as const;

export const samePerson = (a: Person, b: Person) => PERSON_FIELDS.every((f) => a[f] === b[f]);

export function personFields(p: Person): Person {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, p[f]])) as Person;
}

/**
 * What RMS shows as a social gift's 送付先 until the recipient enters it: zip 999-9999, 入力待ち in the
 * text, ニュウリョクマチ in the kana, 999-9999-9999 as the phone.
 */
export function placeholderRecipient(): Sender {
  return {
    zipCode1: "999",
    zipCode2: "9999",
    prefecture: "入力待ち",
    city: "入力待ち",
    subAddress: "入力待ち",
    familyName: "入力待ち",
    firstName: "入力待ち",
    familyNameKana: "ニュウリョクマチ",
    firstNameKana: "ニュウリョクマチ",
    phoneNumber1: "999",
    phoneNumber2: "9999",
    phoneNumber3: "9999",
    isolatedIslandFlag: 0,
  };
}
