export type Rss = { beforeMb: number; peakMb: number; samples: number };

/**
 * This process's resident memory while `work` runs, sampled every 200 ms: on PGlite the database
 * engine (WASM) lives in it, so this is what a PGlite install needs from the machine.
 */
export async function sampleRss<T>(work: () => Promise<T>): Promise<{ result: T; rss: Rss }> {
  const mb = () => process.memoryUsage.rss() / 2 ** 20;
  const beforeMb = mb();
  let peakMb = beforeMb;
  let samples = 0;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, mb());
    samples++;
  }, 200);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, mb());
    return { result, rss: { beforeMb, peakMb, samples } };
  } finally {
    clearInterval(timer);
  }
}
