import type { IncomingMessage } from "node:http";

/** The most either sandbox reads of a request body; a larger one is refused with 413. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The request body as UTF-8 text, or undefined when it is over MAX_BODY_BYTES (read to the end all the same). */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
