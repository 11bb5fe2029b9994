import { rakuten } from "#server/channels/rakuten/index.ts";
import type { ChannelClients } from "#server/ports/channel.ts";
import type { ChannelDriver, ContractSetUp } from "#server/ports/contracts/driver.ts";
import { SEARCH, SPEED, type startContractMall } from "./rakuten-contract.ts";

type Mall = Awaited<ReturnType<typeof startContractMall>>;

/** RMS's parts as the registry builds them for a shop's keys, against the sandbox. */
const clientsFor = (mall: Mall, credentials: Record<string, string>): ChannelClients =>
  rakuten.createClients?.(
    { apiUrl: mall.sandbox.url, timeoutMs: 5_000, stockPushIntervalMs: 1000 / SPEED },
    credentials,
  ) ?? {};

/**
 * The contract suites' set-up for 楽天市場: a fresh sandbox shop per case, the adapter built from the
 * channel's definition, and the driver doing the buyer's and RMS's side over the control API.
 */
export function rakutenContractSetUp(mall: () => Mall): ContractSetUp {
  return async () => {
    const m = mall();
    const shop = await m.mall.createShop();
    const credentials = { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey };
    const view = (n: string) =>
      m.mall.view(n) as Promise<{
        basketIds: number[];
        order: {
          PackageModelList: {
            basketId: number;
            ShippingModelList: { shippingDetailId: number; shippingNumber: string }[];
          }[];
        };
      }>;
    const driver: ChannelDriver = {
      now: async () => m.now(),
      async placeOrders(count, orderedAt) {
        const template = orderedAt ? { orderedAt: orderedAt.toISOString() } : {};
        if (count === 1) return [(await m.place(shop.shopId, template)).orderNumber as string];
        const bulk = await m.mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, {
          count,
          template,
          intervalSeconds: 1,
        });
        return bulk.orderNumbers as string[];
      },
      async changeOrder(n) {
        const [basketId] = (await view(n)).basketIds;
        await m.mall.change(n, { packages: [{ basketId, postagePrice: 1234 }] });
        return (order) => order.packages[0]?.shippingFee === 1234;
      },
      cancelAtChannel: async (n) => {
        await m.mall.cancel(n);
      },
      fault: async (kind) => {
        await m.mall.fault({ path: SEARCH, kind: kind === "unavailable" ? "status503" : "timeout" });
      },
      sourceWithBadCredentials: () => {
        const source = clientsFor(m, { serviceSecret: "SP-wrong", licenseKey: "SL-wrong" }).source;
        if (!source) throw new Error("rakuten has a source");
        return source;
      },
      async shippingsAt(n, packageId) {
        const packages = (await view(n)).order.PackageModelList;
        return (packages.find((p) => String(p.basketId) === packageId)?.ShippingModelList ?? []).map((s) => ({
          id: String(s.shippingDetailId),
          trackingNumber: s.shippingNumber,
        }));
      },
      async stockAt(item, variant) {
        const { inventories } = (await m.mall.inventory(shop.shopId)) as {
          inventories: { manageNumber: string; variantId: string; quantity: number }[];
        };
        return inventories.find((s) => s.manageNumber === item && s.variantId === variant)?.quantity ?? null;
      },
    };
    return { ...clientsFor(m, credentials), driver, definition: rakuten };
  };
}
