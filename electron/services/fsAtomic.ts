import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content,
 * never half of one: write a sibling temp file, flush it, then rename over the target. The temp
 * file is `<path>.<pid>.<ms>.tmp`; caches that clean up after crashes match that name.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    // `flush`: without it a power cut right after the rename can leave an empty file.
    writeFileSync(temp, content, { flush: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
