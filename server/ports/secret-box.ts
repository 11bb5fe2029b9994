/** Mall credentials at rest: sealed before they reach the database, opened only to call the mall. */
export type SealedSecret = { v: 1; iv: string; tag: string; data: string };

export type SecretBox = {
  seal(values: Record<string, string>): SealedSecret;
  open(sealed: SealedSecret): Record<string, string>;
};
