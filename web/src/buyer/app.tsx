import { match, useLocation } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { BuyerInvitationScreen } from "./invitation-screen.tsx";
import { BuyerLayout } from "./layout.tsx";
import { BuyerLoginScreen } from "./login-screen.tsx";
import { OrderDetailScreen } from "./order-detail-screen.tsx";
import { OrderFormScreen } from "./order-form-screen.tsx";
import { OrderHistoryScreen } from "./order-history-screen.tsx";
import { BUYER } from "./paths.ts";
import { useBuyerSession } from "./session.tsx";
import { TopScreen } from "./top-screen.tsx";

function Screen() {
  const { path } = useLocation();
  const order = match("/buyer/orders/:id", path);
  if (order?.id) return <OrderDetailScreen key={order.id} id={order.id} />;
  if (path === BUYER.form) return <OrderFormScreen />;
  if (path === BUYER.history) return <OrderHistoryScreen />;
  return <TopScreen />;
}

export function BuyerApp() {
  const { state } = useBuyerSession();
  const { path } = useLocation();
  // 招待からのパスワード設定: the invited buyer has no session yet.
  const invitation = match("/buyer/invitations/:token", path);
  if (invitation?.token) return <BuyerInvitationScreen token={invitation.token} />;
  switch (state.kind) {
    case "loading":
      return <Loading />;
    case "failed":
      return <ErrorNotice error={state.error} title="発注画面を開けません" />;
    case "signedOut":
      return <BuyerLoginScreen expired={state.expired} />;
    case "signedIn":
      return (
        <BuyerLayout>
          <Screen />
        </BuyerLayout>
      );
  }
}
