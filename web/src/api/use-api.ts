import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "./client.ts";

export type Loaded<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  /** True from the very render that asks for a new path until its answer is on screen. */
  loading: boolean;
  reload: () => void;
};

type Settled<T> = { request: string; data: T | undefined; error: ApiError | undefined };

/**
 * GET `path` and keep the last answer on screen while the next one loads (paging and filters do not
 * flash). A null path loads nothing. Answers that arrive after a newer request are dropped.
 */
export function useApi<T>(path: string | null, refreshMs?: number): Loaded<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ request: "", data: undefined, error: undefined });
  const latest = useRef("");
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const request = path === null ? "" : `${tick} ${path}`;

  useEffect(() => {
    latest.current = request;
    if (path === null) return;
    api<T>("GET", path).then(
      (data) => {
        if (latest.current === request) setSettled({ request, data, error: undefined });
      },
      (e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError(0, null);
        if (latest.current === request) setSettled((s) => ({ request, data: s.data, error }));
      },
    );
  }, [path, request]);

  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);

  return {
    data: settled.data,
    error: settled.error,
    loading: path !== null && settled.request !== request,
    reload,
  };
}
