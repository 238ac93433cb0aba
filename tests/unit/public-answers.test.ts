import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANONYMOUS, type Viewer } from "@/lib/auth/viewer";
import {
  configurePublicAnswers,
  PUBLIC_ANSWER_MAX_ENTRIES,
  PUBLIC_ANSWER_TTL_MS,
  rememberedPublicRead,
} from "@/lib/data/public-answers";
import { nextPublicGeneration, publicGeneration } from "@/lib/data/public-generation.mjs";

const EDITOR: Viewer = { kind: "user", userId: "u1", email: "e@example.org", name: "Editor", memberships: [] };

let clock = 0;
/** A read that counts its calls and answers `answer-<n>` (n: the call's number), after `settle` is called. */
function countedRead() {
  let calls = 0;
  const pending: Array<() => void> = [];
  const read = () => {
    calls++;
    const n = calls;
    return new Promise<string>((resolve) => pending.push(() => resolve(`answer-${n}`)));
  };
  return {
    read,
    calls: () => calls,
    settle: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

beforeEach(() => {
  clock = 1_000_000;
  configurePublicAnswers({ enabled: true, now: () => clock });
});
afterEach(() => configurePublicAnswers({ enabled: false }));

describe("rememberedPublicRead", () => {
  it("makes one read for the readers of a second, those who ask while it runs included", async () => {
    const r = countedRead();
    const first = rememberedPublicRead(ANONYMOUS, "k", r.read);
    const during = rememberedPublicRead(ANONYMOUS, "k", r.read);
    r.settle();
    expect(await first).toBe("answer-1");
    expect(await during).toBe("answer-1");
    clock += PUBLIC_ANSWER_TTL_MS - 1;
    expect(await rememberedPublicRead(ANONYMOUS, "k", r.read)).toBe("answer-1");
    expect(r.calls()).toBe(1);
  });

  it("reads again once the second is over, and keeps apart what the keys tell apart", async () => {
    const r = countedRead();
    const a = rememberedPublicRead(ANONYMOUS, "a", r.read);
    const b = rememberedPublicRead(ANONYMOUS, "b", r.read);
    r.settle();
    expect([await a, await b]).toEqual(["answer-1", "answer-2"]);
    clock += PUBLIC_ANSWER_TTL_MS + 1;
    const again = rememberedPublicRead(ANONYMOUS, "a", r.read);
    r.settle();
    expect(await again).toBe("answer-3");
  });

  it("never serves a read started before an invalidation of the public pages, even one still running", async () => {
    const r = countedRead();
    const before = rememberedPublicRead(ANONYMOUS, "k", r.read);
    const generation = publicGeneration();
    nextPublicGeneration();
    expect(publicGeneration()).toBe(generation + 1);
    const after = rememberedPublicRead(ANONYMOUS, "k", r.read);
    r.settle();
    expect(await before).toBe("answer-1");
    expect(await after).toBe("answer-2");
    // And the read of the new generation is the one kept.
    expect(await rememberedPublicRead(ANONYMOUS, "k", r.read)).toBe("answer-2");
    expect(r.calls()).toBe(2);
  });

  it("forgets a read that failed: the next reader reads again", async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return calls === 1 ? Promise.reject(new Error("database unavailable")) : Promise.resolve("back");
    };
    await expect(rememberedPublicRead(ANONYMOUS, "k", failing)).rejects.toThrow("database unavailable");
    expect(await rememberedPublicRead(ANONYMOUS, "k", failing)).toBe("back");
    expect(calls).toBe(2);
  });

  it("never remembers a signed-in reader's reads, nor any read where it is off", async () => {
    const r = countedRead();
    const reads = [rememberedPublicRead(EDITOR, "k", r.read), rememberedPublicRead(EDITOR, "k", r.read)];
    r.settle();
    expect(await Promise.all(reads)).toEqual(["answer-1", "answer-2"]);
    // An anonymous read is not given a signed-in reader's either.
    const anonymous = rememberedPublicRead(ANONYMOUS, "k", r.read);
    r.settle();
    expect(await anonymous).toBe("answer-3");

    configurePublicAnswers({ enabled: false });
    const off = [rememberedPublicRead(ANONYMOUS, "k", r.read), rememberedPublicRead(ANONYMOUS, "k", r.read)];
    r.settle();
    expect(await Promise.all(off)).toEqual(["answer-4", "answer-5"]);
  });

  it("keeps at most PUBLIC_ANSWER_MAX_ENTRIES reads, the least recently used going first", async () => {
    const r = countedRead();
    for (let i = 0; i <= PUBLIC_ANSWER_MAX_ENTRIES; i++) void rememberedPublicRead(ANONYMOUS, `q${i}`, r.read);
    r.settle();
    expect(r.calls()).toBe(PUBLIC_ANSWER_MAX_ENTRIES + 1);
    // The newest is kept, the first (least recently used) was dropped.
    void rememberedPublicRead(ANONYMOUS, `q${PUBLIC_ANSWER_MAX_ENTRIES}`, r.read);
    expect(r.calls()).toBe(PUBLIC_ANSWER_MAX_ENTRIES + 1);
    const first = rememberedPublicRead(ANONYMOUS, "q0", r.read);
    r.settle();
    expect(await first).toBe(`answer-${PUBLIC_ANSWER_MAX_ENTRIES + 2}`);
  });
});
