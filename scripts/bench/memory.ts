/**
 * Peak memory of a process tree: the build runs in a child process whose worker threads
 * share its RSS, and Pagefind runs as a grandchild binary, so the sampler sums the RSS of
 * the child and all its descendants (Linux `/proc`) several times a second.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of one process in bytes (0 when it has gone). */
function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Direct children of `pid`: every thread keeps its own list (workers may spawn too). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/** Sum of RSS over `pid` and its descendants, in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const at = stack.pop()!;
    total += rssOf(at);
    stack.push(...childrenOf(at));
  }
  return total;
}

export interface MemorySampler {
  /** Highest sampled tree RSS so far, in bytes. */
  peak(): number;
  stop(): number;
}

/** Samples the tree under `pid` every `everyMs` until stopped. */
export function sampleMemory(pid: number, everyMs = 100): MemorySampler {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
