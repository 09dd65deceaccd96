#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' optional binaries (Astro's
 * compiler binding, Pagefind) when the registry this lock was made from does not serve
 * them: npm then leaves them out, and `npm ci` rejects the lock as out of sync. Each
 * missing entry is written as npm would write it, optional with its `os`/`cpu`/`libc`,
 * so `npm ci` skips it on other platforms and fetches it where it fits.
 * Run after `npm install` changes the lock: `node scripts/dev/complete-lock.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../../package-lock.json', import.meta.url);

/** Platform fields from a binary package's name suffix, e.g. `linux-arm64-musl`, `win32-x64-msvc`. */
export function platformOf(name: string): { os?: string[]; cpu?: string[]; libc?: string[] } {
  const suffix = name
    .split('/')
    .pop()!
    .replace(/^compiler-binding-/, '');
  if (suffix === 'wasm32-wasi') return { cpu: ['wasm32'] };
  const [os, cpu, abi] = suffix.split('-') as [string, string, string | undefined];
  const platform = { os: [os === 'windows' ? 'win32' : os], cpu: [cpu] };
  return abi === 'gnu'
    ? { ...platform, libc: ['glibc'] }
    : abi === 'musl'
      ? { ...platform, libc: ['musl'] }
      : platform;
}

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, LockEntry> };
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || !/(?:compiler-binding-|@pagefind\/)/.test(name)) continue;
    lock.packages[key] = { version, dev: entry.dev, optional: true, ...platformOf(name) };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(LOCK, JSON.stringify({ ...lock, packages: sorted }, null, 2) + '\n');
console.log(`complete-lock: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`);
