import { createContext } from "#server/compose.ts";
import type { Db } from "#server/db/database.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import { createHttpApp } from "./app.ts";

/**
 * The web app's API types, written from the OpenAPI document the server publishes, so the admin's
 * types cannot drift from the zod schemas the routes validate with. Keys are sorted: after a merge
 * that adds routes, `npm run api:types` gives one result whatever order the branches registered them.
 * The shape (`components["schemas"]`, `paths[p][method]["responses"][200]["content"]`) is the one
 * openapi-typescript writes, so either can produce the file.
 */
export async function generateApiTypes(document = "/api/openapi.json"): Promise<string> {
  return typesFromOpenApi(await apiDocument(document), document);
}

/**
 * GET /api/openapi.json (or another document the app publishes, e.g. the buyer API's) of an app built in-process on the composed context (the registries decide
 * some enums); no route runs, so no database is needed.
 */
export async function apiDocument(document = "/api/openapi.json"): Promise<OpenApi> {
  const ctx = createContext({} as Db, {} as JobQueue, { secretKey: Buffer.alloc(32) });
  const app = createHttpApp(ctx, { database: "pglite", version: "0" });
  const res = await app.request(document);
  if (!res.ok) throw new Error(`GET ${document} answered ${res.status}`);
  return (await res.json()) as OpenApi;
}

type Schema = { [key: string]: unknown };
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
export type OpenApi = {
  components?: { schemas?: Record<string, Schema> };
  paths?: Record<string, Record<string, Operation>>;
};

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

export function typesFromOpenApi(doc: OpenApi, document = "/api/openapi.json"): string {
  const schemas = sorted(doc.components?.schemas ?? {}).map(([name, s]) =>
    member(name, type(s, 2, true), 2, s),
  );
  const paths = sorted(doc.paths ?? {}).map(([path, item]) => {
    const ops = METHODS.filter((m) => item[m]).map((m) => member(m, operation(item[m] as Operation, 2), 2));
    return member(path, block(ops, 1), 1);
  });
  return [
    "// biome-ignore-all format: written by a program, compared byte for byte with its output",
    `// Written by \`npm run api:types\` from GET ${document} (server/http/api-types.ts): do not edit.`,
    "// server/http/api-types.test.ts fails when this file no longer matches the server's schemas.",
    "",
    `export type components = {\n  schemas: ${block(schemas, 1)};\n};`,
    "",
    `export type paths = ${block(paths, 0)};`,
    "",
  ].join("\n");
}

function operation(op: Operation, depth: number): string {
  const parts: string[] = [];
  const params = op.parameters ?? [];
  const where = [...new Set(params.map((p) => p.in))].sort();
  if (where.length) {
    const groups = where.map((at) => {
      const group = params.filter((p) => p.in === at).sort((a, b) => compare(a.name, b.name));
      const fields = group.map((p) =>
        member(p.name, type(p.schema ?? {}, depth + 3, false), depth + 3, p, !p.required),
      );
      return member(
        at,
        block(fields, depth + 2),
        depth + 2,
        undefined,
        group.every((p) => !p.required),
      );
    });
    parts.push(member("parameters", block(groups, depth + 1), depth + 1));
  }
  if (op.requestBody) {
    const body = member("content", content(op.requestBody.content ?? {}, depth + 2, false), depth + 2);
    parts.push(
      member("requestBody", block([body], depth + 1), depth + 1, undefined, !op.requestBody.required),
    );
  }
  const responses = sorted(op.responses ?? {}).map(([code, r]) => {
    const inner = r.content
      ? member("content", content(r.content, depth + 3, true), depth + 3)
      : `${pad(depth + 3)}content?: never;`;
    return member(code, block([inner], depth + 2), depth + 2);
  });
  parts.push(member("responses", block(responses, depth + 1), depth + 1));
  return block(parts, depth);
}

function content(media: Record<string, { schema?: Schema }>, depth: number, answer: boolean): string {
  return block(
    sorted(media).map(([kind, m]) => member(kind, type(m.schema ?? {}, depth + 1, answer), depth + 1)),
    depth,
  );
}

/**
 * The TypeScript of one JSON Schema (OpenAPI 3.1 dialect, as zod-openapi writes it). In an `answer`
 * (responses and components) a property with a default is always there: the server fills it in, as
 * openapi-typescript's defaultNonNullable reads it; in a request body or a parameter it may be left out.
 */
function type(s: Schema, depth: number, answer: boolean): string {
  if (typeof s.$ref === "string") {
    const name = s.$ref.replace("#/components/schemas/", "");
    return `components["schemas"][${JSON.stringify(name)}]`;
  }
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (Array.isArray(s.allOf)) return combine(s.allOf as Schema[], " & ", depth, answer);
  if (Array.isArray(s.oneOf)) return combine(s.oneOf as Schema[], " | ", depth, answer);
  if (Array.isArray(s.anyOf)) return combine(s.anyOf as Schema[], " | ", depth, answer);
  const kinds = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (!kinds.length) return s.properties ? object(s, depth, answer) : "unknown";
  return kinds.map((kind) => single(kind, s, depth, answer)).join(" | ");
}

function single(kind: string, s: Schema, depth: number, answer: boolean): string {
  switch (kind) {
    case "string":
    case "boolean":
    case "null":
      return kind;
    case "integer":
    case "number":
      return "number";
    case "array":
      if (Array.isArray(s.prefixItems))
        return `[${(s.prefixItems as Schema[]).map((i) => type(i, depth, answer)).join(", ")}]`;
      return s.items ? `${wrap(type(s.items as Schema, depth, answer))}[]` : "unknown[]";
    case "object":
      return object(s, depth, answer);
    default:
      return "unknown";
  }
}

function object(s: Schema, depth: number, answer: boolean): string {
  const required = new Set((s.required as string[] | undefined) ?? []);
  const props = sorted((s.properties as Record<string, Schema> | undefined) ?? {});
  const fields = props.map(([name, p]) => {
    const present = required.has(name) || (answer && "default" in p);
    return member(name, type(p, depth + 1, answer), depth + 1, p, !present);
  });
  const extra = s.additionalProperties;
  if (extra && typeof extra === "object" && Object.keys(extra).length) {
    const value = type(extra as Schema, depth + 1, answer);
    if (!fields.length) return `Record<string, ${value}>`;
    fields.push(`${pad(depth + 1)}[key: string]: ${value};`);
  } else if (extra === true || (extra && typeof extra === "object")) {
    if (!fields.length) return "Record<string, unknown>";
    fields.push(`${pad(depth + 1)}[key: string]: unknown;`);
  }
  return fields.length ? block(fields, depth) : "Record<string, never>";
}

function combine(parts: Schema[], joiner: string, depth: number, answer: boolean): string {
  return parts.map((p) => wrap(type(p, depth, answer))).join(joiner);
}

/** Parentheses where a union or intersection would otherwise bind wrongly (arrays, unions of intersections). */
function wrap(t: string): string {
  return /^[\w"[\]]+$/.test(t) || oneBlock(t) ? t : `(${t})`;
}

/** `{ … }` whose first brace closes at its end: one object type, not `{ … } | { … }`. */
function oneBlock(t: string): boolean {
  if (!t.startsWith("{")) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "{") depth++;
    else if (t[i] === "}" && --depth === 0) return i === t.length - 1;
  }
  return false;
}

function member(
  name: string,
  value: string,
  depth: number,
  doc?: { description?: unknown },
  optional = false,
) {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
  const comment =
    typeof doc?.description === "string"
      ? `${pad(depth)}/** ${doc.description.replaceAll("*/", "* /").replaceAll("\n", `\n${pad(depth)} * `)} */\n`
      : "";
  return `${comment}${pad(depth)}${key}${optional ? "?" : ""}: ${value};`;
}

function block(lines: string[], depth: number): string {
  return lines.length ? `{\n${lines.join("\n")}\n${pad(depth)}}` : "Record<string, never>";
}

const pad = (depth: number) => "  ".repeat(depth);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => compare(a, b));
