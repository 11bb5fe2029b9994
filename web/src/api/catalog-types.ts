/** 商品・在庫 and 商品マッピング as the API answers them. */
export type StockLine = {
  warehouseId: string;
  warehouseName: string;
  onHand: number;
  allocated: number;
  available: number;
  /** Units the shipments still 在庫引当中 lack. */
  waitingNeed: number;
};
export type Product = {
  id: string;
  sku: string;
  name: string;
  /** 配送サービス and 温度帯 its shipments take by default (codes of the vocabulary). */
  shippingService: string;
  temperature: string;
  stock: StockLine[];
};

export type StockMovement = {
  id: number;
  at: string;
  kind: string;
  kindLabel: string;
  warehouseId: string;
  warehouseName: string;
  onHandDelta: number;
  allocatedDelta: number;
  order: { id: string; mallOrderNumber: string } | null;
  shipmentId: string | null;
  actor: string;
};

export type Mapping = {
  id: string;
  shopId: string;
  mallItemCode: string;
  mallSkuCode: string | null;
  components: { productId: string; sku: string; name: string; quantity: number }[];
};
export type UnmappedItem = {
  shopId: string;
  mallItemCode: string;
  mallSkuCode: string | null;
  name: string;
  orderCount: number;
};
