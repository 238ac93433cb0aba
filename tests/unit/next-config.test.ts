/**
 * next.config.mjs: the configuration `next start` reads (PHASE_PRODUCTION_SERVER) is the one the build used, without
 * the next-intl plugin, which only points the bundler at lib/i18n/request.ts (and would load @swc/core and
 * @parcel/watcher into the server: bench/README.md, "Memory").
 */
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { describe, expect, it } from "vitest";
import configFor from "@/next.config.mjs";

/** What the next-intl plugin adds: the bundlers' alias of `next-intl/config`. */
const BUNDLER_KEYS = ["turbopack", "webpack"];

const without = (config: object, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(config).filter(([key]) => !keys.includes(key)));

describe("next.config.mjs", () => {
  it.each([PHASE_PRODUCTION_BUILD, PHASE_DEVELOPMENT_SERVER])(
    "points the bundler at the request config in %s",
    async (phase) => {
      const config = await configFor(phase);
      expect(config.turbopack?.resolveAlias?.["next-intl/config"]).toBe("./lib/i18n/request.ts");
      expect(typeof config.webpack).toBe("function");
    },
  );

  it("serves the build with the same configuration as it was built with, but the bundler's", async () => {
    const build = await configFor(PHASE_PRODUCTION_BUILD);
    const server = await configFor(PHASE_PRODUCTION_SERVER);
    expect(server.turbopack).toBeUndefined();
    expect(server.webpack).toBeUndefined();
    expect(without(server, BUNDLER_KEYS)).toEqual(without(build, BUNDLER_KEYS));
    expect(Object.keys(server).length).toBeGreaterThan(5);
  });
});
