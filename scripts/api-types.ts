import { writeFile } from "node:fs/promises";
import { generateApiTypes } from "#server/http/api-types.ts";

/** `npm run api:types`: rewrites the web app's API types from the server's OpenAPI document. */
const target = new URL("../web/src/api/generated.ts", import.meta.url);
await writeFile(target, await generateApiTypes());
console.log(`wrote ${target.pathname}`);
