import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** The repository's root, whatever the working directory of the test run. */
export const ROOT = resolve(import.meta.dirname, "..");

/** Every .ts/.tsx file under these folders, as paths relative to the root with "/" separators. */
export function sourceFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === "dist") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push(relative(ROOT, path).split("\\").join("/"));
    }
  };
  for (const f of folders) walk(join(ROOT, f));
  return out.sort();
}

export const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)|(?:^|\n)\s*import\s+"([^"]+)"/g;

/**
 * What a file imports: `#server/x` and relative specifiers as root-relative paths, packages and
 * node: modules as written.
 */
export function importsOf(file: string): string[] {
  const text = read(file);
  const dir = file.split("/").slice(0, -1).join("/");
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3]) as string;
    if (spec.startsWith("#server/")) return `server/${spec.slice(8)}`;
    if (spec.startsWith("#sandbox/")) return `sandbox/${spec.slice(9)}`;
    if (spec.startsWith("#test/")) return `test/${spec.slice(6)}`;
    if (spec.startsWith("."))
      return relative(ROOT, resolve(ROOT, dir, spec))
        .split("\\")
        .join("/");
    return spec;
  });
}

/**
 * The code of a file without its comments (strings kept): a comment may cite the outside world as
 * an example, code may not branch on it.
 */
export function codeOf(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
