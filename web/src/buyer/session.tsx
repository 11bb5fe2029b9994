import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, onSignedOut, setCsrfToken } from "../api/client.ts";
import type { BuyerSession } from "./types.ts";

type State =
  | { kind: "loading" }
  | { kind: "failed"; error: ApiError }
  | { kind: "signedOut"; expired: boolean }
  | { kind: "signedIn"; session: BuyerSession };

type BuyerSessionApi = {
  state: State;
  signedIn: (session: BuyerSession) => void;
  signOut: () => Promise<void>;
};

const Context = createContext<BuyerSessionApi | null>(null);

/** The buyer's own session (cookie juchu_buyer_session, own CSRF token), never the merchant's. */
export function BuyerSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const signedIn = useCallback((session: BuyerSession) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: "signedIn", session });
  }, []);

  useEffect(() => {
    api<BuyerSession>("GET", "/api/buyer/session").then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setState({ kind: "signedOut", expired: false });
      else setState({ kind: "failed", error: error instanceof ApiError ? error : new ApiError(0, null) });
    });
    return onSignedOut(() => {
      setCsrfToken(null);
      setState({ kind: "signedOut", expired: true });
    });
  }, [signedIn]);

  const signOut = useCallback(async () => {
    await api("DELETE", "/api/buyer/session").catch(() => undefined);
    setCsrfToken(null);
    setState({ kind: "signedOut", expired: false });
  }, []);

  return <Context.Provider value={{ state, signedIn, signOut }}>{children}</Context.Provider>;
}

export function useBuyerSession(): BuyerSessionApi {
  const value = useContext(Context);
  if (!value) throw new Error("useBuyerSession outside BuyerSessionProvider");
  return value;
}

export function useBuyer(): BuyerSession {
  const { state } = useBuyerSession();
  if (state.kind !== "signedIn") throw new Error("useBuyer while signed out");
  return state.session;
}
