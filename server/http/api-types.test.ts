import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { generateApiTypes, type OpenApi, typesFromOpenApi } from "./api-types.ts";

test("web/src/api/generated.ts is what the server's OpenAPI document gives today (else: npm run api:types)", async () => {
  const committed = await readFile(new URL("../../web/src/api/generated.ts", import.meta.url), "utf8");
  assert.ok(
    committed === (await generateApiTypes()),
    "web/src/api/generated.ts is stale: run `npm run api:types` and commit it",
  );
});

test("web/src/api/buyer-generated.ts is what the buyer API's own document gives today (else: npm run api:types)", async () => {
  const committed = await readFile(new URL("../../web/src/api/buyer-generated.ts", import.meta.url), "utf8");
  assert.ok(
    committed === (await generateApiTypes("/api/buyer/openapi.json")),
    "web/src/api/buyer-generated.ts is stale: run `npm run api:types` and commit it",
  );
});

test("the types read JSON Schema as the routes' zod writes it: null, enums, defaults, refs, unions in arrays", () => {
  const doc: OpenApi = {
    components: {
      schemas: {
        Shop: {
          type: "object",
          properties: {
            name: { type: "string", description: "店舗名" },
            note: { type: ["string", "null"] },
            kind: { type: "string", enum: ["rakuten", "manual"] },
            interval: { type: "integer", default: 10 },
            tags: { type: "array", items: { oneOf: [{ type: "string" }, { type: "integer" }] } },
          },
          required: ["name", "note", "kind"],
        },
      },
    },
    paths: {
      "/api/shops": {
        post: {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", properties: { interval: { type: "integer", default: 10 } } },
              },
            },
          },
          responses: {
            "201": { content: { "application/json": { schema: { $ref: "#/components/schemas/Shop" } } } },
          },
        },
      },
    },
  };
  const ts = typesFromOpenApi(doc);
  assert.match(ts, /\/\*\* 店舗名 \*\/\n {6}name: string;/);
  assert.match(ts, / note: string \| null;/);
  assert.match(ts, / kind: "rakuten" \| "manual";/);
  assert.match(ts, /Shop: \{\n {6}interval: number;/, "the server always writes a defaulted field");
  assert.match(ts, /requestBody: \{\n[\s\S]*interval\?: number;/, "a client may leave a defaulted field out");
  assert.match(ts, / tags\?: \(string \| number\)\[\];/);
  assert.match(ts, /"application\/json": components\["schemas"\]\["Shop"\];/);
});
