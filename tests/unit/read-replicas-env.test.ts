/**
 * DATABASE_REPLICA_URLS (deploy/README.md, "Read replicas"): validated by lib/env.ts with one message per problem,
 * naming the variable and the entry, never the value (a URL may hold a password); read by lib/db/client.ts.
 */
import { describe, expect, it } from "vitest";

import { configuredTarget, DatabaseConfigError } from "@/lib/db/client";
import { parseReplicaUrls } from "@/lib/env";

const PRIMARY = "postgres://app:secret@db-primary:5432/accordwatch";

describe("DATABASE_REPLICA_URLS", () => {
  it("is optional, and an empty value means none", () => {
    expect(parseReplicaUrls({ DATABASE_URL: PRIMARY })).toEqual({ ok: true, urls: [] });
    expect(parseReplicaUrls({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: " " })).toEqual({ ok: true, urls: [] });
    expect(configuredTarget({ DATABASE_URL: PRIMARY })).toEqual({ kind: "postgres", url: PRIMARY });
  });

  it("takes comma-separated PostgreSQL URLs, spaces around them ignored", () => {
    const env = {
      DATABASE_URL: PRIMARY,
      DATABASE_REPLICA_URLS:
        " postgres://app:secret@replica-1/accordwatch , postgresql://app:secret@replica-2/accordwatch",
    };
    const urls = ["postgres://app:secret@replica-1/accordwatch", "postgresql://app:secret@replica-2/accordwatch"];
    expect(parseReplicaUrls(env)).toEqual({ ok: true, urls });
    expect(configuredTarget(env)).toEqual({ kind: "postgres", url: PRIMARY, replicaUrls: urls });
  });

  it("names the entry that is wrong, and why, without its value", () => {
    const parsed = parseReplicaUrls({
      DATABASE_URL: PRIMARY,
      DATABASE_REPLICA_URLS:
        "postgres://app:secret@replica-1/db,,mysql://app:secret@replica-3/db,postgres://app:secret@replica-1/db",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        "DATABASE_REPLICA_URLS (entry 2): is empty (two commas in a row, or a comma at either end)",
        "DATABASE_REPLICA_URLS (entry 3): must be a PostgreSQL URL starting with postgres:// or postgresql://",
        "DATABASE_REPLICA_URLS (entry 4): repeats an earlier entry",
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain("secret");
  });

  it("needs DATABASE_URL: the embedded database has no replicas", () => {
    const env = { DATABASE_REPLICA_URLS: "postgres://app:secret@replica-1/accordwatch" };
    expect(parseReplicaUrls(env)).toEqual({
      ok: false,
      errors: [
        "DATABASE_REPLICA_URLS: needs DATABASE_URL: replicas are of a PostgreSQL server (the primary), not of the " +
          "embedded database",
      ],
    });
    expect(() => configuredTarget(env)).toThrow(DatabaseConfigError);
    expect(() => configuredTarget(env)).toThrow(/^DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    // Without replicas, the embedded default is as before.
    expect(configuredTarget({ ACCORDWATCH_DATA: "/tmp/x" })).toEqual({ kind: "embedded", dataDir: "/tmp/x" });
  });
});
