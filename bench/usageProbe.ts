// Preloaded (`node --import`) into each server the overhead benchmark starts as a child process: asked
// over the IPC channel, it answers the process's own CPU time and peak RSS, so the figures are the
// server's alone, whatever else runs on the machine. Loaded before the server's entry, it changes
// nothing else in the process.

/** What the probe answers: `process.cpuUsage()` in microseconds and the peak RSS in kilobytes. */
export interface ProcessUsage {
  userMicros: number;
  systemMicros: number;
  maxRssKb: number;
}

if (process.send !== undefined) {
  process.on("message", (message: unknown) => {
    if (message !== "usage") return;
    const cpu = process.cpuUsage();
    const usage: ProcessUsage = { userMicros: cpu.user, systemMicros: cpu.system, maxRssKb: process.resourceUsage().maxRSS };
    process.send?.(usage);
  });
  // The channel must not keep a server alive that was told to stop.
  process.channel?.unref();
}
