/** Request values built from the API's own OpenAPI document, so a test can walk every route. */

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema is read as it comes.
export type JsonSchema = Record<string, any>;

export type Operation = {
  method: string;
  path: string;
  params: { name: string; in: "path" | "query"; required?: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, "csv" for a file upload, null when the route takes none. */
  body: JsonSchema | "csv" | null;
};

/** A field of a sample, as the API names it in a problem's `errors` (`items.0.name`). */
export type Field = { path: string[]; kind: "string" | "date-time" };

export function operationsOf(spec: JsonSchema): Operation[] {
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? resolve(spec.components.schemas[schema.$ref.split("/").at(-1)]) : schema;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries<JsonSchema>(spec.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).map((p: JsonSchema) => ({ ...p, schema: inline(resolve, p.schema) })),
        body: content["application/json"]
          ? inline(resolve, content["application/json"].schema)
          : content["text/csv"]
            ? "csv"
            : null,
      });
    }
  }
  return ops;
}

function inline(resolve: (s: JsonSchema) => JsonSchema, schema: JsonSchema): JsonSchema {
  const s = resolve(schema);
  const out: JsonSchema = { ...s };
  if (s.properties)
    out.properties = Object.fromEntries(
      Object.entries<JsonSchema>(s.properties).map(([k, v]) => [k, inline(resolve, v)]),
    );
  if (s.items) out.items = inline(resolve, s.items);
  for (const key of ["anyOf", "oneOf", "allOf"])
    if (s[key]) out[key] = s[key].map((v: JsonSchema) => inline(resolve, v));
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    out.additionalProperties = inline(resolve, s.additionalProperties);
  return out;
}

const typeOf = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;

/** The schema a value of `s` takes when it is not null: the first branch of a union. */
function concrete(s: JsonSchema): JsonSchema {
  const branches = s.oneOf ?? s.anyOf;
  if (branches) return concrete(branches.find((b: JsonSchema) => b.type !== "null") ?? branches[0]);
  if (s.allOf) return Object.assign({}, ...s.allOf.map(concrete));
  return s;
}

const PATTERN_CANDIDATES = ["100-0001", "1000001", "A1", "abc", "x"];

/** A plausible value of `s`; `idFor` names an id for a field such as `shopId`. */
export function sampleOf(s: JsonSchema, idFor: (field: string) => string, field = ""): unknown {
  const c = concrete(s);
  if (c.const !== undefined) return c.const;
  if (c.enum) return c.enum[0];
  if (c.default !== undefined && typeOf(c) !== "object") return c.default;
  switch (typeOf(c)) {
    case "object":
      return Object.fromEntries(
        Object.entries<JsonSchema>(c.properties ?? {}).map(([k, v]) => [k, sampleOf(v, idFor, k)]),
      );
    case "array": {
      const one = sampleOf(c.items ?? {}, idFor, field.replace(/s$/, ""));
      return Array.from({ length: Math.max(1, c.minItems ?? 1) }, () => one);
    }
    case "integer":
    case "number":
      return Math.max(c.minimum ?? 1, (c.exclusiveMinimum ?? 0) + 1);
    case "boolean":
      return false;
    case "string":
      if (c.format === "uuid") return idFor(field);
      if (c.format === "email") return "sample@example.jp";
      if (c.format === "uri") return "https://example.jp/hook";
      if (c.format === "date-time") return "2026-11-22T10:00:00+09:00";
      if (c.pattern) return PATTERN_CANDIDATES.find((x) => new RegExp(c.pattern).test(x)) ?? "x";
      return "サンプル"
        .repeat(4)
        .slice(0, c.maxLength ?? 16)
        .padEnd(c.minLength ?? 0, "x");
    default:
      return "サンプル";
  }
}

/** Every free-text and date-time field of a sample of `s`, with its path. */
export function fieldsOf(s: JsonSchema, path: string[] = []): Field[] {
  const c = concrete(s);
  switch (typeOf(c)) {
    case "object":
      return Object.entries<JsonSchema>(c.properties ?? {}).flatMap(([k, v]) => fieldsOf(v, [...path, k]));
    case "array":
      return fieldsOf(c.items ?? {}, [...path, "0"]);
    case "string":
      if (c.format === "date-time") return [{ path, kind: "date-time" }];
      return c.enum || c.const !== undefined ? [] : [{ path, kind: "string" }];
    default:
      return [];
  }
}

export function withValue(sample: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) as string] = value;
  return copy;
}
