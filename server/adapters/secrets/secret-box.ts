import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { SealedSecret, SecretBox } from "#server/ports/secret-box.ts";

/** AES-256-GCM: the tag makes a tampered or wrongly keyed secret fail loudly instead of decoding to junk. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("the secret key must be 32 bytes");
  return {
    seal(values) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
      return {
        v: 1,
        iv: iv.toString("base64"),
        tag: cipher.getAuthTag().toString("base64"),
        data: data.toString("base64"),
      };
    },
    open(sealed: SealedSecret) {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      const json = Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]);
      return JSON.parse(json.toString("utf8")) as Record<string, string>;
    },
  };
}

/**
 * The key from JUCHU_SECRET_KEY (base64), else from a key file made on first start (mode 0600) —
 * so the embedded default needs no set-up, and production can keep the key outside the data folder.
 */
export async function loadSecretKey(source: { key?: string | undefined; file: string }): Promise<Buffer> {
  if (source.key) return Buffer.from(source.key, "base64");
  if (existsSync(source.file)) return Buffer.from((await readFile(source.file, "utf8")).trim(), "base64");
  const key = randomBytes(32);
  await mkdir(dirname(source.file), { recursive: true });
  try {
    await writeFile(source.file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    // Another process starting at the same moment wrote it first: theirs is the key.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return Buffer.from((await readFile(source.file, "utf8")).trim(), "base64");
  }
}
