import type { Order, Shipment } from "../api/types.ts";
import { yen } from "../format.ts";

/** An amount taken off the bill: −1,000円 (0 stays 0円). */
export const deduction = (amount: number) => (amount > 0 ? `−${yen(amount)}` : yen(amount));

const FEE_PARTS = [
  ["cashOnDelivery", "代引手数料"],
  ["payment", "決済手数料"],
  ["deferredPayment", "後払い手数料"],
  ["wrapping", "ラッピング料"],
] as const;

/** 手数料 by its parts when the mall gives them (each part there is), else the one amount. */
export function FeeRows({ order }: { order: Order }) {
  const { feeBreakdown } = order;
  const parts = feeBreakdown ? FEE_PARTS.filter(([key]) => feeBreakdown[key] !== 0) : [];
  if (!feeBreakdown || parts.length === 0) {
    return (
      <>
        <dt>手数料</dt>
        <dd>{yen(order.fees)}</dd>
      </>
    );
  }
  return (
    <>
      {parts.map(([key, label]) => (
        <FeeRow key={key} label={label} amount={feeBreakdown[key]} />
      ))}
    </>
  );
}

function FeeRow({ label, amount }: { label: string; amount: number | null }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{yen(amount)}</dd>
    </>
  );
}

/** クーポン値引, split into the shop's and the mall's when the parts add up. */
export function CouponRows({ order }: { order: Order }) {
  const { shop, mall } = order.couponDiscounts;
  if (order.couponDiscount === 0 || shop + mall !== order.couponDiscount) {
    return (
      <>
        <dt>クーポン値引</dt>
        <dd>{deduction(order.couponDiscount)}</dd>
      </>
    );
  }
  return (
    <>
      <dt>ショップクーポン</dt>
      <dd>{deduction(shop)}</dd>
      <dt>モールクーポン</dt>
      <dd>{deduction(mall)}</dd>
    </>
  );
}

/** 税率別内訳 as the 納品書 prints it. */
export function TaxSummary({ order }: { order: Order }) {
  if (order.taxSummary.length === 0) return null;
  return (
    <dl className="amounts tax-summary" aria-label="税率別内訳">
      {order.taxSummary.map((row) => (
        <TaxRow key={row.ratePercent} {...row} />
      ))}
    </dl>
  );
}

function TaxRow({ ratePercent, amount, tax }: Order["taxSummary"][number]) {
  return (
    <>
      <dt>
        {ratePercent}%対象{ratePercent === 8 ? "(軽減税率)" : ""}
      </dt>
      <dd>
        {yen(amount)}(内消費税 {yen(tax)})
      </dd>
    </>
  );
}

/** ギフト and ラッピング, when the buyer asked for them. */
export function GiftFacts({ order }: { order: Order }) {
  if (!order.gift && order.wrappings.length === 0) return null;
  return (
    <>
      <dt>ギフト</dt>
      <dd>
        {order.gift ? "ギフト指定あり" : "ギフト指定なし"}
        {order.wrappings.map((w) => (
          <span key={w.name} className="badge">
            ラッピング: {w.name}({yen(w.fee)})
          </span>
        ))}
      </dd>
    </>
  );
}

/** What the buyer asked of this parcel and how it travels: クール, 受取場所, 置き配, のし, 離島, 配送会社. */
export function ParcelWishes({ shipment: s }: { shipment: Shipment }) {
  return (
    <>
      {s.addressPending && (
        <>
          <dt>受取人住所</dt>
          <dd className="warning">受取人の住所入力待ち(ソーシャルギフト)</dd>
        </>
      )}
      {s.pickupPoint && (
        <>
          <dt>受取場所</dt>
          <dd>
            {s.pickupPoint.kind} {s.pickupPoint.name}
            <br />
            <span className="muted">
              〒{s.pickupPoint.postalCode} {s.pickupPoint.prefecture}
              {s.pickupPoint.address}(店舗コード {s.pickupPoint.storeCode})
            </span>
          </dd>
        </>
      )}
      {s.temperature && (
        <>
          <dt>温度帯</dt>
          <dd>クール便({s.temperatureLabel})</dd>
        </>
      )}
      {s.dropOffLocation && (
        <>
          <dt>置き配</dt>
          <dd>{s.dropOffLocation}</dd>
        </>
      )}
      {s.noshi && (
        <>
          <dt>のし</dt>
          <dd>{s.noshi}</dd>
        </>
      )}
      {s.remoteIsland && (
        <>
          <dt>離島</dt>
          <dd>離島・一部地域</dd>
        </>
      )}
      {s.chosenCarrier && (
        <>
          <dt>購入者指定の配送会社</dt>
          <dd>
            {s.chosenCarrier.label}
            {s.chosenCarrier.carrier === null && (
              <span className="muted">(コード {s.chosenCarrier.mallCode})</span>
            )}
          </dd>
        </>
      )}
    </>
  );
}
