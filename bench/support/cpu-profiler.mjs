/**
 * Preloaded into the app's processes by bench/profile-spike.ts (`NODE_OPTIONS=--import …`; Node refuses --cpu-prof
 * there): the first SIGUSR2 starts V8's CPU profiler in the process that receives it, the next one stops it and
 * writes `$CPU_PROFILE_DIR/<pid>-<n>.cpuprofile` (DevTools' format), so that a profile covers exactly one wrk run.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

let session;
let count = 0;
process.on("SIGUSR2", () => {
  if (!session) {
    session = new Session();
    session.connect();
    session.post("Profiler.enable", () =>
      session.post(
        "Profiler.setSamplingInterval",
        { interval: Number(process.env.CPU_PROFILE_INTERVAL_US ?? 200) },
        () => session.post("Profiler.start"),
      ),
    );
    return;
  }
  const stopping = session;
  session = undefined;
  stopping.post("Profiler.stop", (error, result) => {
    if (!error)
      writeFileSync(
        `${process.env.CPU_PROFILE_DIR}/${process.pid}-${count++}.cpuprofile`,
        JSON.stringify(result.profile),
      );
    stopping.disconnect();
  });
});
