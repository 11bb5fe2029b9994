import type { ConfirmRequest } from "../ui/confirm-dialog.tsx";

/** 取下げ asks first wherever it is offered: the warehouse stops the parcel and the order is held. */
export const withdrawConfirm = (slipNumber: string): ConfirmRequest => ({
  title: "出荷依頼を取り下げる",
  message: `出荷 ${slipNumber} の出荷依頼を倉庫から取り下げます。倉庫が受け付けると出荷不可になり、注文に「出荷取下げ」タグが付きます(注文はキャンセルされません)。`,
  confirmLabel: "取り下げる",
  danger: true,
});
