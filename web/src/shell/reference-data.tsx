import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Shop, Tag, Vocabulary, Warehouse } from "../api/types.ts";
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

async function loadAll(): Promise<Omit<Reference, "reload">> {
  const [vocabulary, shops, tags, warehouses] = await Promise.all([
    api<Vocabulary>("GET", "/api/vocabulary"),
    api<{ items: Shop[] }>("GET", "/api/shops"),
    api<{ items: Tag[] }>("GET", "/api/tags"),
    api<{ items: Warehouse[] }>("GET", "/api/warehouses"),
  ]);
  return { vocabulary, shops: shops.items, tags: tags.items, warehouses: warehouses.items };
}

/** The small lists every screen labels things with: loaded once per log-in, reloaded after edits. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<Omit<Reference, "reload">>();
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger.
  useEffect(() => {
    loadAll().then(setData, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, null)));
  }, [tick]);

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
