import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api, onSignedOut, setCsrfToken } from "../api/client.ts";
import type { ReferenceData, Session } from "../api/types.ts";

type State =
  | { kind: "loading" }
  | { kind: "failed"; error: ApiError }
  | { kind: "setup" }
  | { kind: "signedOut"; expired: boolean }
  | { kind: "signedIn"; session: Session; reference?: ReferenceData };

type SessionApi = {
  state: State;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

/**
 * Who is using the admin: asked of the API once, with the reference data in the same answer so the
 * first screen needs no second round trip; kept until log-out or the API says 401.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: "loading" });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: "signedIn", session });
  }, []);

  useEffect(() => {
    api<Session & { reference?: ReferenceData }>("GET", "/api/session?include=reference")
      .then(({ reference, ...session }) => {
        setCsrfToken(session.csrfToken);
        setState({ kind: "signedIn", session, reference });
      })
      .catch(async (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) {
          setState({ kind: "failed", error: error instanceof ApiError ? error : new ApiError(0, null) });
          return;
        }
        const setup = await api<{ required: boolean }>("GET", "/api/setup").catch(() => ({
          required: false,
        }));
        setState(setup.required ? { kind: "setup" } : { kind: "signedOut", expired: false });
      });
    return onSignedOut(() => {
      setCsrfToken(null);
      setState({ kind: "signedOut", expired: true });
    });
  }, []);

  const signOut = useCallback(async () => {
    await api("DELETE", "/api/session").catch(() => undefined);
    setCsrfToken(null);
    setState({ kind: "signedOut", expired: false });
  }, []);

  return <SessionContext.Provider value={{ state, signedIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in session; only screens behind the log-in use this. */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.kind !== "signedIn") throw new Error("useSignedIn while signed out");
  return state.session;
}
