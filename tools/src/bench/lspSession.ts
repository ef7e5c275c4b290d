// Latency and memory figures of the bundled server, driven over stdio by the shared LSP client (../lspClient).
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TestServer } from '../lspClient';

/** The server's peak resident memory so far, in MB (Linux: VmHWM), or null where that cannot be read. */
export function peakRssMb(server: TestServer): number | null {
  try {
    const kb = /VmHWM:\s*(\d+)/.exec(fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the server process has used so far, all its threads (Linux: /proc stat), or null where that cannot be read. */
export function cpuSeconds(server: TestServer): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds the server's main thread has run so far (Linux: /proc schedstat, in ns), or null where that cannot
 * be read: a request's own cost, which the wall time of a loaded machine hides.
 */
export function mainThreadCpuMs(server: TestServer): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${server.process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of /proc times (100 on every mainstream architecture). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Milliseconds from sending `request` to its answer, for each of `times` runs. */
export async function timed(times: number, request: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await request(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
