import type { MiddlewareHandler } from "hono";
import { invalidFields } from "./problem.ts";

// Tab, LF and CR are text (a mail body, an address over two lines); the other C0 controls are not,
// PostgreSQL refuses NUL in any text outright, and a lone surrogate (\p{Cs}) is no character at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Cs}/u;
const MESSAGE = "使用できない文字(NULなどの制御文字、または壊れた文字)が含まれています";

const isBad = (text: string) => BAD.test(text);

function badStrings(value: unknown, path: string[], found: string[]): void {
  if (typeof value === "string") {
    if (isBad(value)) found.push(path.join("."));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      badStrings(item, [...path, String(i)], found);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (isBad(key)) found.push([...path, key].join("."));
      else badStrings(item, [...path, key], found);
    }
  }
}

/**
 * Every string of every request, checked once before any route sees it: the query and a JSON body.
 * A bad character is refused naming its field, as zod names a field it refuses, instead of failing
 * in the database or in a mail header later.
 */
export const refuseBadCharacters: MiddlewareHandler = async (c, next) => {
  const found: string[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (isBad(name) || values.some(isBad)) found.push(name);
  }
  if (/^application\/(?:[\w.-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    // Unreadable JSON is left to the route's validator, which answers it as malformed.
    const body = await c.req.json().catch(() => undefined);
    badStrings(body, [], found);
  }
  if (found.length > 0) throw invalidFields(found.map((path) => ({ path, message: MESSAGE })));
  await next();
};
