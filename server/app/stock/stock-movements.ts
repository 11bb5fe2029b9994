import type { Db } from "#server/db/database.ts";
import { stockMovements } from "#server/db/schema.ts";
import type { StockMovementKind } from "#server/domain/stock-movement.ts";

export type StockMovement = {
  accountId: string;
  productId: string;
  warehouseId: string;
  kind: StockMovementKind;
  onHandDelta?: number;
  allocatedDelta?: number;
  orderId?: string;
  shipmentId?: string;
};

/** 在庫履歴: written by every use case that changes a stock row, in its transaction, in one statement. */
export async function recordStockMovements(
  tx: Db,
  movements: readonly StockMovement[],
  meta: { actor: string; now: Date },
): Promise<void> {
  const moved = movements.filter((m) => (m.onHandDelta ?? 0) !== 0 || (m.allocatedDelta ?? 0) !== 0);
  if (moved.length === 0) return;
  await tx.insert(stockMovements).values(moved.map((m) => ({ ...m, actor: meta.actor, at: meta.now })));
}
