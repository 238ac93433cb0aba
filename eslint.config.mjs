import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const prismaClientImport = {
  paths: [{ name: "@prisma/client", message: "Only lib/data and lib/db may use the Prisma client (DESIGN.md)." }],
  patterns: [
    {
      regex: "(^|/)generated/prisma(/|$)|^@/lib/db/generated",
      message: "Only lib/data and lib/db may use the Prisma client (DESIGN.md).",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", ".data/**", "lib/db/generated/**", "test-results/**", "next-env.d.ts"]),
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    ignores: ["lib/data/**", "lib/db/**"],
    rules: { "no-restricted-imports": ["error", prismaClientImport] },
  },
  {
    // The server logs through lib/log/logger.ts (JSON lines, request ids, secrets redacted); the command line and the
    // benchmarks print for people.
    files: ["app/**", "lib/**", "components/**", "proxy.ts", "instrumentation.ts"],
    rules: { "no-console": "error" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
