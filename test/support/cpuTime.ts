// CPU time of a piece of work, for tests that compare two inputs' times rather than a time against a limit, so that
// the machine's speed does not decide.

/** CPU ms (user and system) of `run`, the faster of two runs: the slower one is more likely to have been disturbed. */
export function fasterOfTwoCpuMs(run: () => void): number {
  return Math.min(...[0, 1].map(() => {
    const started = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  }));
}
