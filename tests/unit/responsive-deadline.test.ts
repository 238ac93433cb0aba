/**
 * The probes' deadline (lib/db/deadline.ts): on a responsive process it expires as a timer would; a stall of the
 * event loop (synchronous JavaScript, as a long render) is not counted against it, and an answer that arrived during
 * the stall is handled before it can expire. Real timers and a real socket: the point is Node.js's own order of
 * timers and socket reads.
 */
import { spawn } from "node:child_process";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

import { DEADLINE_TICK_MS, responsiveDeadline } from "@/lib/db/deadline";

/** Holds the event loop for `ms`, as synchronous work does. */
function busyFor(ms: number): void {
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins++;
  expect(spins).toBeGreaterThan(0);
}

describe("responsiveDeadline", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it("expires after its time on a responsive process, and never once cancelled", async () => {
    const ms = 3 * DEADLINE_TICK_MS;
    const started = performance.now();
    const expiredAfter = await new Promise<number>((resolve) => {
      responsiveDeadline(ms, () => resolve(performance.now() - started));
    });
    expect(expiredAfter).toBeGreaterThanOrEqual(ms - 5);
    expect(expiredAfter).toBeLessThan(ms + 2 * DEADLINE_TICK_MS);

    let expired = false;
    const cancel = responsiveDeadline(DEADLINE_TICK_MS, () => {
      expired = true;
    });
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 2 * DEADLINE_TICK_MS));
    expect(expired).toBe(false);
  });

  it("counts a stall of the event loop as one tick", async () => {
    const ms = 3 * DEADLINE_TICK_MS;
    const started = performance.now();
    const expiry = new Promise<number>((resolve) => {
      responsiveDeadline(ms, () => resolve(performance.now() - started));
    });
    // Three times the deadline of synchronous work: a wall-clock timer would be long past due.
    busyFor(3 * ms);
    const expiredAfter = await expiry;
    // The stall counted as one tick: two more ticks of waiting after it.
    expect(expiredAfter).toBeGreaterThanOrEqual(3 * ms + 2 * DEADLINE_TICK_MS - 5);
  });

  it("lets an answer that arrived during a stall win over a deadline that ran out meanwhile", async () => {
    // An echo server in a process of its own: it answers while this one is busy, so that the answer waits in the
    // kernel's buffer.
    const echo = spawn(
      process.execPath,
      [
        "-e",
        "require('net').createServer((s) => s.pipe(s)).listen(0, '127.0.0.1', function () { console.log(this.address().port) })",
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => echo.kill());
    const port = await new Promise<number>((resolve) =>
      echo.stdout.once("data", (data) => resolve(Number(String(data)))),
    );
    const socket: Socket = connect(port, "127.0.0.1");
    cleanups.push(() => socket.destroy());
    await new Promise<void>((resolve) => socket.once("connect", resolve));

    const outcome = new Promise<string>((resolve) => {
      // One tick: the first tick after the stall exhausts it.
      const cancel = responsiveDeadline(DEADLINE_TICK_MS, () => resolve("expired"));
      socket.once("data", () => {
        cancel();
        resolve("answered");
      });
    });
    socket.write("ping");
    // Longer than the deadline, and than the echo takes: when the loop resumes, the tick and the answer are both due.
    busyFor(5 * DEADLINE_TICK_MS);
    expect(await outcome).toBe("answered");
  });
});
