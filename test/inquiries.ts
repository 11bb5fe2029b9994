import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import { runInquiryImport } from "#server/app/inquiries/import-inquiries.ts";
import { inquiries } from "#server/db/schema.ts";
import type { TestApp } from "./app.ts";
import { type SandboxControl, sku } from "./rakuten.ts";
import { connectRslShop, type RslControl } from "./rsl.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API and the sandbox answered.
type Loose = any;

export const minutes = (n: number) => n * 60_000;

/** A buyer's question as an import saves it, on any shop (a manual one has no mall to read it from); its id. */
export async function savedInquiry(app: TestApp, shopId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await app.database.db.insert(inquiries).values({
    id,
    accountId: app.owner.accountId,
    shopId,
    inquiryNumber: `INQ-${id.slice(0, 8)}`,
    buyerName: "問合 太郎",
    message: "在庫はありますか",
    cancelRequested: false,
    thread: [],
    read: false,
    completed: false,
    receivedAt: now,
    updatedAt: now,
  });
  return id;
}

/**
 * For the inquiry linkage tests: a Rakuten shop shipping from RSL with the linkage on, the キャンセル
 * mail category enabled, a mapped product in stock; buyers' orders and R-Messe threads on it, and a
 * poll of its inquiries followed by the jobs it enqueued.
 */
export function inquiryWorld(app: TestApp, mall: SandboxControl, warehouse: RslControl) {
  const detail = async (id: string): Promise<Loose> => (await app.api("GET", `/api/orders/${id}`)).body;

  async function linkedShop(linkage: Record<string, unknown> = {}) {
    const shop = await connectRslShop(app, mall, warehouse, {
      inquiryLinkage: { enabled: true, ...linkage },
      // A cancel here gives the stock back (注文キャンセル時在庫戻し is off for a new shop).
      returnStockOnCancel: true,
    });
    const product = await app.api("POST", "/api/products", { sku: `CUP-${shop.mallShopId}`, name: "カップ" });
    await app.api("POST", `/api/products/${product.body.id}/stock`, {
      warehouseId: shop.warehouseId,
      onHand: 10,
    });
    await app.api("POST", "/api/product-mappings", {
      shopId: shop.shopId,
      mallItemCode: "cup",
      components: [{ productId: product.body.id, quantity: 1 }],
    });
    const cancelled = await app.api("POST", "/api/mail-templates/standard/cancelled/copy");
    const items = [
      { categoryId: cancelled.body.categoryId, enabled: true, templateId: cancelled.body.templateId },
    ];
    assert.equal((await app.api("PUT", `/api/shops/${shop.shopId}/mail-settings`, { items })).status, 200);
    return { ...shop, productId: product.body.id as string };
  }

  /** Imported and past the grace period: 出荷待ち, stock allocated, not yet requested at RSL. */
  async function orderAwaitingShipment(shop: { shopId: string; mallShopId: string }) {
    const placed = await mall.placeOrder(shop.mallShopId, {
      packages: [{ items: [sku("cup", "red", 1200)] }],
    });
    await runShopImport(app.ctx, shop.shopId);
    const list = await app.api("GET", `/api/orders?shopId=${shop.shopId}&limit=500`);
    const order = list.body.items.find((o: Loose) => o.mallOrderNumber === placed.orderNumber);
    app.clock.advance(minutes(31));
    await app.runDueJobs("grace-period-over");
    await app.runDueJobs("mall-confirm-order");
    assert.equal((await detail(order.id)).status, "awaiting_shipment");
    return { orderId: order.id as string, mallOrderNumber: placed.orderNumber };
  }

  /** 出荷作業中: the shipment request accepted by RSL. */
  async function orderAtWarehouse(shop: { shopId: string; mallShopId: string }) {
    const order = await orderAwaitingShipment(shop);
    app.clock.advance(minutes(5));
    await app.runDueJobs("shipment-request");
    const shipping = await detail(order.orderId);
    assert.equal(shipping.status, "shipping");
    return { ...order, shipment: shipping.shipments[0] as { id: string; warehouseReference: string } };
  }

  /** A buyer writes on R-Messe; `cancelRequest` files it under the mall's cancel category. */
  const buyerAsks = (
    mallShopId: string,
    body: { message: string; orderNumber?: string; cancelRequest?: boolean },
  ): Promise<Loose> => mall.postInquiry(mallShopId, body);

  const thread = (inquiryNumber: string): Promise<Loose> => mall.inquiry(inquiryNumber);

  /** The next poll of the shop's inquiries, then the action and reply jobs it led to. */
  async function poll(shopId: string, advance = minutes(3)) {
    app.clock.advance(advance);
    const summary = await runInquiryImport(app.ctx, shopId);
    await app.runDueJobs("inquiry-act");
    await app.runDueJobs("inquiry-reply");
    return summary;
  }

  async function inquiryOf(shopId: string, inquiryNumber: string): Promise<Loose> {
    const list = await app.api("GET", `/api/inquiries?shopId=${shopId}&limit=200`);
    const found = list.body.items.find((i: Loose) => i.inquiryNumber === inquiryNumber);
    assert.ok(found, `inquiry ${inquiryNumber} listed`);
    return (await app.api("GET", `/api/inquiries/${found.id}`)).body;
  }

  const shopReplies = (t: Loose): Loose[] => t.replies.filter((r: Loose) => r.replyFrom === "merchant");
  const hasTag = (order: Loose, code: string) => order.tags.some((t: Loose) => t.systemCode === code);

  return {
    detail,
    linkedShop,
    orderAwaitingShipment,
    orderAtWarehouse,
    buyerAsks,
    thread,
    poll,
    inquiryOf,
    shopReplies,
    hasTag,
  };
}
