import { useCallback, useState } from "react";
import { ApiError } from "../api/client.ts";

/**
 * A company section's changes (add, remove, stop): each runs, then the section's list is read again; a
 * refusal is kept for the section to show beside its fields.
 */
export function useChange(reload: () => void) {
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await call();
        reload();
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, null));
      }
    },
    [reload],
  );
  return { run, error };
}
