import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function prismaImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const imports = [
  'import { PrismaClient } from "@prisma/client";\nexport const c = PrismaClient;\n',
  'import { PrismaClient } from "@/lib/db/generated/prisma/client";\nexport const c = PrismaClient;\n',
  'import { PrismaClient } from "../lib/db/generated/prisma/client";\nexport const c = PrismaClient;\n',
];

describe("the lint rule on the Prisma client", () => {
  it.each(["app/page-x.tsx", "components/x.tsx", "lib/domain/x.ts", "scripts/x.ts"])(
    "refuses an import of the client in %s",
    async (file) => {
      for (const code of imports) {
        const errors = await prismaImportErrors(file, code);
        expect(errors, code).toHaveLength(1);
        expect(errors[0]).toContain("Only lib/data and lib/db may use the Prisma client");
      }
    },
    30_000,
  );

  it.each(["lib/data/x.ts", "lib/db/x.ts"])(
    "allows it in %s",
    async (file) => {
      for (const code of imports) expect(await prismaImportErrors(file, code)).toEqual([]);
    },
    30_000,
  );
});
