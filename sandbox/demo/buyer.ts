/**
 * The demo's buyers: every few seconds one places an order at the sandbox mall (through its control
 * API, as a test would), now and then a prepaid order gets paid or a recent one is cancelled at the mall.
 */

export type CatalogueItem = { manageNumber: string; name: string; price: number; rare?: boolean };

type Person = {
  familyName: string;
  firstName: string;
  zipCode: string;
  prefecture: string;
  city: string;
  subAddress: string;
  phoneNumber: string;
};

const PEOPLE: Person[] = [
  ["佐藤", "花子", "530-0001", "大阪府", "大阪市北区", "梅田1-1"],
  ["鈴木", "一郎", "100-0005", "東京都", "千代田区", "丸の内1-1"],
  ["高橋", "美咲", "060-0001", "北海道", "札幌市中央区", "北1条西1"],
  ["田中", "健太", "812-0012", "福岡県", "福岡市博多区", "博多駅前2-1"],
  ["伊藤", "さくら", "450-0002", "愛知県", "名古屋市中村区", "名駅1-1"],
  ["渡辺", "翔", "980-0021", "宮城県", "仙台市青葉区", "中央1-1"],
  ["山本", "由美", "600-8216", "京都府", "京都市下京区", "烏丸通1"],
  ["中村", "大輔", "730-0011", "広島県", "広島市中区", "基町1-1"],
].map(([familyName, firstName, zipCode, prefecture, city, subAddress], i) => ({
  familyName: familyName ?? "",
  firstName: firstName ?? "",
  zipCode: zipCode ?? "",
  prefecture: prefecture ?? "",
  city: city ?? "",
  subAddress: subAddress ?? "",
  phoneNumber: `090-1234-${String(5670 + i)}`,
}));

const NOTES = ["ギフト包装をお願いします", "のし不要です", "置き配希望", ""];

/**
 * The お届け時間帯 (RMS shippingTerm) buyers pick: only slots every carrier the stock room exports to
 * offers — Yamato has had no 12–14 since 2017, so a 1214 order could never go out on a B2 slip.
 */
export const DELIVERY_TERMS = [1, 1416, 1618, 1820, 1921] as const;

/** How long the shop takes to fix an undetermined postage (送料未確定) in RMS. */
const POSTAGE_FIXED_AFTER_MS = 90_000;

type Placed = {
  orderNumber: string;
  at: number;
  prepaid: boolean;
  paid: boolean;
  cancelled: boolean;
  /** 送料未確定 until the shop fixes it, as a merchant does in RMS. */
  postageUndetermined: boolean;
};

const chance = (p: number) => Math.random() < p;
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const nameOf = (p: Person) => `${p.familyName} ${p.firstName}`;

function dateInDays(days: number): string {
  const tokyo = new Date(Date.now() + 9 * 3600_000 + days * 86_400_000);
  return tokyo.toISOString().slice(0, 10);
}

/** One random order and the words that describe it on the console. */
function randomOrder(catalogue: readonly CatalogueItem[], undeterminedShare: number) {
  const pool = catalogue.filter((c) => !c.rare || chance(0.25));
  const lines = pool
    .map((c) => ({ c, r: Math.random() }))
    .sort((a, b) => a.r - b.r)
    .slice(0, 1 + Math.floor(Math.random() * Math.min(3, pool.length)))
    .map(({ c }) => ({
      manageNumber: c.manageNumber,
      itemName: c.name,
      price: c.price,
      units: 1 + Math.floor(Math.random() * 3),
    }));
  const buyer = pick(PEOPLE);
  const notes: string[] = [];
  const undetermined = chance(undeterminedShare);
  const postage = () => (undetermined ? -9999 : pick([0, 550, 770]));
  const twoPackages = lines.length > 1 && chance(0.2);
  const packages = twoPackages
    ? [
        { items: lines.slice(0, 1), postagePrice: postage() },
        { sender: pick(PEOPLE.filter((p) => p !== buyer)), items: lines.slice(1), postagePrice: postage() },
      ]
    : [{ items: lines, postagePrice: postage() }];
  if (twoPackages) notes.push(`2個口(${nameOf(packages[1]?.sender ?? buyer)} 様宛)`);
  if (undetermined) notes.push("送料未確定");
  const body: Record<string, unknown> = {
    buyer: { ...buyer, emailAddress: `buyer${PEOPLE.indexOf(buyer)}@example.com` },
    packages,
  };
  const prepaid = chance(0.15);
  if (prepaid) {
    body.settlement = "bank_transfer";
    notes.push("銀行振込");
  }
  const first = lines[0];
  if (first && chance(0.15)) {
    body.coupons = [{ couponName: "新茶SALE", couponPrice: 200, manageNumber: first.manageNumber }];
    notes.push("クーポン200円");
  }
  if (chance(0.15)) {
    body.usedPoint = pick([100, 300, 500]);
    notes.push(`ポイント${body.usedPoint}`);
  }
  if (chance(0.3)) {
    body.deliveryDate = dateInDays(3 + Math.floor(Math.random() * 5));
    body.shippingTerm = pick(DELIVERY_TERMS);
    notes.push(`配送日時指定 ${body.deliveryDate}`);
  } else {
    body.remarks = pick(NOTES);
  }
  const what = lines.map((l) => `${l.itemName}×${l.units}`).join("、");
  return {
    body,
    prepaid,
    undetermined,
    summary: `${nameOf(buyer)} 様 ${what}${notes.length ? ` [${notes.join(" / ")}]` : ""}`,
  };
}

async function control(url: string, method: string, body?: unknown) {
  const res = await fetch(url, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The order count at which a buyer first asks, through R-Messe, to cancel. */
const FIRST_CANCEL_INQUIRY_AT = 5;

export function startBuyer(options: {
  sandboxUrl: string;
  mallShopId: string;
  catalogue: readonly CatalogueItem[];
  intervalMs: number;
  /** Wait before the first order (0: at once), so several buyers take turns. */
  firstAfterMs?: number;
  /** Called after each order placed, with how many so far. */
  onPlaced?: (count: number) => void;
  /** Share of orders placed with 送料未確定 (0.1 unless given). */
  undeterminedShare?: number;
  /** How long the shop takes to fix their postage. */
  postageFixedAfterMs?: number;
  log?: (line: string) => void;
}): { stop(): void } {
  const log = options.log ?? ((line: string) => console.log(line));
  const postageFixedAfterMs = options.postageFixedAfterMs ?? POSTAGE_FIXED_AFTER_MS;
  const placed: Placed[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const placeOne = async () => {
    const order = randomOrder(options.catalogue, options.undeterminedShare ?? 0.1);
    const view = await control(
      `${options.sandboxUrl}/_sandbox/shops/${options.mallShopId}/orders`,
      "POST",
      order.body,
    );
    const orderNumber = String(view.orderNumber);
    placed.push({
      orderNumber,
      at: Date.now(),
      prepaid: order.prepaid,
      paid: false,
      cancelled: false,
      postageUndetermined: order.undetermined,
    });
    if (placed.length > 200) placed.shift();
    log(`[購入者] 注文 ${orderNumber}: ${order.summary}`);
    options.onPlaced?.(placed.length);
  };

  const payOne = async () => {
    const due = placed.find((p) => p.prepaid && !p.paid && !p.cancelled && Date.now() - p.at > 20_000);
    if (!due) return;
    due.paid = true;
    await control(`${options.sandboxUrl}/_sandbox/orders/${due.orderNumber}/pay`, "POST");
    log(`[購入者] 入金 ${due.orderNumber}: 銀行振込の入金がありました`);
  };

  const fixPostage = async () => {
    const due = placed.filter(
      (p) => p.postageUndetermined && !p.cancelled && Date.now() - p.at > postageFixedAfterMs,
    );
    for (const order of due) {
      order.postageUndetermined = false;
      const postagePrice = pick([550, 770]);
      await control(`${options.sandboxUrl}/_sandbox/orders/${order.orderNumber}`, "PATCH", { postagePrice });
      log(`[モール] 送料確定 ${order.orderNumber}: 店舗がRMSで送料を${postagePrice}円に確定しました`);
    }
  };

  const cancelOne = async () => {
    const recent = placed.filter((p) => !p.cancelled && Date.now() - p.at < 3 * 60_000);
    if (recent.length < 3) return;
    const victim = pick(recent);
    victim.cancelled = true;
    await control(`${options.sandboxUrl}/_sandbox/orders/${victim.orderNumber}/cancel`, "POST", {
      reason: 1,
    });
    log(`[購入者] キャンセル ${victim.orderNumber}: 購入者がモールでキャンセルしました`);
  };

  // A buyer who asks the shop to cancel through R-Messe instead of cancelling at the mall: Juchu
  // stops the order by itself (or withdraws it from RSL) and answers on the thread.
  const askToCancel = async () => {
    const recent = placed.filter((p) => !p.cancelled && Date.now() - p.at < 3 * 60_000);
    if (recent.length < 3) return;
    const asking = pick(recent);
    asking.cancelled = true;
    const thread = await control(
      `${options.sandboxUrl}/_sandbox/shops/${options.mallShopId}/inquiries`,
      "POST",
      {
        orderNumber: asking.orderNumber,
        message: "先ほどの注文をキャンセルしたいです。よろしくお願いします。",
        cancelRequest: true,
      },
    );
    log(
      `[購入者] R-Messe ${asking.orderNumber}: キャンセルしたいと問い合わせました (問い合わせ ${String(thread.inquiryNumber)})`,
    );
  };

  const tick = async () => {
    try {
      await placeOne();
      await fixPostage();
      if (chance(0.3)) await payOne();
      if (chance(0.04)) await cancelOne();
      // The first request comes early, so a demo shows one within its first minutes.
      if (placed.length === FIRST_CANCEL_INQUIRY_AT || chance(0.05)) await askToCancel();
    } catch (error) {
      if (!stopped) console.error("[購入者] 失敗:", error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(tick, options.intervalMs);
  };
  if (options.firstAfterMs) timer = setTimeout(tick, options.firstAfterMs);
  else void tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
