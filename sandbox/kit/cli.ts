/** A `--name` option of a sandbox's main.ts as a whole number ≥ 0; anything else ends the process (exit 2). */
export function wholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number ≥ 0, got ${text}`);
    process.exit(2);
  }
  return n;
}

/** Ctrl-C (or a SIGTERM) closes the sandbox, then ends the process. */
export function closeOnSignals(sandbox: { close(): Promise<void> }): void {
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
