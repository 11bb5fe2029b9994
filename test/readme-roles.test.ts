import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { AREA_CODES, AREAS, allows, permissionsOfRole, ROLE_CODES, ROLES } from "#server/domain/access.ts";

test("the README's table of what each role can do is ROLES, area by area", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const header = `| 領域 | ${ROLE_CODES.map((r) => ROLES[r].label).join(" | ")} |`;
  assert.ok(readme.includes(header), header);
  for (const area of AREA_CODES) {
    const cells = ROLE_CODES.map((role) => {
      const granted = permissionsOfRole(role);
      if (allows(granted, `${area}:write`)) return "変更";
      return allows(granted, `${area}:read`) ? "閲覧" : "—";
    });
    const row = `| ${AREAS[area]} (\`${area}\`) | ${cells.join(" | ")} |`;
    assert.ok(readme.includes(row), `README lacks or differs: ${row}`);
  }
});
