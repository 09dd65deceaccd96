/**
 * CPU time of a build's Node processes, split into user and kernel time. Linux counts the
 * time of every child a process has waited for (`cutime`, `cstime` in `/proc/self/stat`),
 * so the difference across one build child's life covers it, its worker threads, the
 * extraction process and the render processes. Pagefind is not counted: the build stops
 * it and exits without waiting for it (about 20 CPU-seconds at 10,000 articles). Kernel
 * time is mostly the file system's: it is what grows when creating files is slow
 * (README, "Speed at scale").
 */
import { readFileSync } from 'node:fs';

export interface CpuSeconds {
  user: number;
  kernel: number;
}

/** Clock ticks per second of `/proc` times (`USER_HZ`, 100 on every Linux port Node runs). */
const TICKS = 100;

/** CPU seconds of the children this process has waited for, or undefined off Linux. */
export function childrenCpu(): CpuSeconds | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[13]) / TICKS, kernel: Number(fields[14]) / TICKS };
}

/** CPU spent between two readings; undefined when either is missing. */
export function cpuBetween(
  before: CpuSeconds | undefined,
  after: CpuSeconds | undefined,
): CpuSeconds | undefined {
  if (!before || !after) return undefined;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { user: round(after.user - before.user), kernel: round(after.kernel - before.kernel) };
}
