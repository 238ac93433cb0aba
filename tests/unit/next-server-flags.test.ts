/** scripts/lib/next-server.ts: the flags of the `next start` process, and that Node accepts them. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { NEXT_SERVER_HEAP_GROWING_PERCENT, nextServerNodeFlags } from "@/scripts/lib/next-server";

describe("nextServerNodeFlags", () => {
  it("fixes V8's heap growing factor and sets no hard heap limit", () => {
    expect(nextServerNodeFlags()).toEqual([`--heap-growing-percent=${NEXT_SERVER_HEAP_GROWING_PERCENT}`]);
    expect(nextServerNodeFlags().some((flag) => flag.startsWith("--max-old-space-size"))).toBe(false);
  });

  it("are flags this Node accepts", () => {
    const run = spawnSync(process.execPath, [...nextServerNodeFlags(), "-e", "process.stdout.write('ok')"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("ok");
  });
});
