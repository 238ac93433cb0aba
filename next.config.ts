import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its Wasm and data files from its own package folder at run time: keep it (and the Prisma pieces
  // that sit on it) out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
