/**
 * The portable half of `kb build --portable/--zip`: after the hosted site is built, write
 * the copy that works from disk and, with `--zip`, zip it into the hosted site.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { writePortable } from './index.ts';
import { OFFLINE_ZIP } from './names.ts';
import { zipFolder } from './zip.ts';

export interface PortableBuild {
  /** The hosted site just built. */
  hostedDir: string;
  base: string;
  /** Where the portable copy goes; without it the copy only lives in the zip. */
  out?: string;
  zip?: boolean;
  epoch?: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const shown = (dir: string) => relative(process.cwd(), dir) || '.';

export async function writePortableBuild(build: PortableBuild): Promise<void> {
  const temporary = build.out ? undefined : mkdtempSync(join(tmpdir(), 'dossier-portable-'));
  const to = build.out ? resolve(build.out) : join(temporary!, 'site');
  try {
    const copy = writePortable({ from: build.hostedDir, to, base: build.base });
    if (build.out)
      console.log(
        `portable copy: ${copy.files} files, ${mb(copy.bytes)} → ${shown(to)}/ (open index.html)`,
      );
    if (build.zip) {
      const file = join(build.hostedDir, OFFLINE_ZIP);
      await zipFolder({ dir: to, file, root: 'dossier', epoch: build.epoch });
      console.log(`offline zip: ${mb(statSync(file).size)} → ${shown(file)}`);
    }
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
