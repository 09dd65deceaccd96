/** Runs one build in a child process (`child.ts`) and measures its process tree. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BuildStats } from '../build/build.ts';
import { childrenCpu, cpuBetween, type CpuSeconds } from './cpu.ts';
import { sampleMemory } from './memory.ts';

export interface BuildRun {
  wallSeconds: number;
  seconds: Record<string, number>;
  stats: BuildStats;
  /** Peak RSS of the build process tree (workers, Pagefind included), in bytes. */
  peakRssBytes: number;
  /** CPU seconds of the build's Node processes, not Pagefind (Linux only). */
  cpu?: CpuSeconds;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Builds with `env` added to this process's environment; progress goes to stderr. */
export function runBuild(env: Record<string, string>): Promise<BuildRun> {
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const child = fork(CHILD, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const memory = sampleMemory(child.pid!);
  let message: Omit<BuildRun, 'wallSeconds' | 'peakRssBytes'> & { maxRssBytes: number };
  child.on('message', (m) => (message = m as typeof message));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const sampled = memory.stop();
      if (code !== 0 || !message) {
        reject(new Error(`the benchmark build failed (exit code ${code})`));
        return;
      }
      resolve({
        wallSeconds: (performance.now() - started) / 1000,
        seconds: message.seconds,
        stats: message.stats,
        peakRssBytes: Math.max(sampled, message.maxRssBytes),
        cpu: cpuBetween(cpuBefore, childrenCpu()),
      });
    });
  });
}
