import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { ReferenceData, Session, Shop, Tag, Vocabulary, Warehouse } from "../api/types.ts";
import { ErrorNotice, Loading } from "../ui/states.tsx";

export type Reference = {
  vocabulary: Vocabulary;
  shops: Shop[];
  tags: Tag[];
  warehouses: Warehouse[];
  /** After a shop or tag is saved, so every picker shows it. */
  reload: () => void;
};

const ReferenceContext = createContext<Reference | null>(null);

/** One call for all of them: the same route the admin starts with. */
async function loadAll(): Promise<ReferenceData> {
  const answer = await api<Session & { reference?: ReferenceData }>("GET", "/api/session?include=reference");
  if (!answer.reference) throw new ApiError(0, null);
  return answer.reference;
}

/**
 * The small lists every screen labels things with: taken from the session's answer at start (or
 * loaded once after a log-in), reloaded after edits.
 */
export function ReferenceProvider({ children, initial }: { children: ReactNode; initial?: ReferenceData }) {
  const [data, setData] = useState<ReferenceData | undefined>(initial);
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (tick === 0 && initial) return;
    loadAll().then(setData, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, null)));
  }, [tick, initial]);

  // Shops and tags made by a colleague or a script show up when the merchant comes back to the tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reload]);

  if (!data) return error ? <ErrorNotice error={error} /> : <Loading />;
  return <ReferenceContext.Provider value={{ ...data, reload }}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error("useReference outside ReferenceProvider");
  return value;
}

export const labelOf = (list: { code: string; label: string }[], code: string | null | undefined) =>
  list.find((x) => x.code === code)?.label ?? code ?? "";
