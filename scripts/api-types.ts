import { writeFile } from "node:fs/promises";
import { generateApiTypes } from "#server/http/api-types.ts";

/**
 * `npm run api:types`: rewrites the web's API types from the server's OpenAPI documents — the
 * merchant's API for the admin, the buyer API (its own document) for the buyer portal.
 */
export const API_TYPE_FILES = [
  { document: "/api/openapi.json", file: "generated.ts" },
  { document: "/api/buyer/openapi.json", file: "buyer-generated.ts" },
] as const;

for (const { document, file } of API_TYPE_FILES) {
  const target = new URL(`../web/src/api/${file}`, import.meta.url);
  await writeFile(target, await generateApiTypes(document));
  console.log(`wrote ${target.pathname}`);
}
