/**
 * Kill -9 in the middle of editing and importing: every edit acknowledged before the kill is
 * there after reopening, and the import that was streaming leaves no list behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openListServices } from '../../../electron/services/lists';
import { chineseRows, writeCsv } from '../../support/workbooks';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('crash safety', () => {
  it('keeps every acknowledged edit and no half-imported list after SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-crash-'));
    const file = join(dir, 'big.csv');
    writeCsv(file, chineseRows(100_000));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/support/crashChild.ts'), join(dir, 'data'), file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let acked = -1;
    let progress = 0;
    let secondDone = false;
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    for await (const line of createInterface({ input: child.stdout })) {
      const [word, value] = line.split(' ');
      if (word === 'ack') acked = Number(value);
      if (word === 'progress') progress = Number(value);
      if (line === 'second done') secondDone = true;
      if (acked >= 30 && progress > 0) {
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited).toBe('SIGKILL');
    console.info(`killed after ${acked + 1} acknowledged edits, second import at ${progress} rows`);
    expect(secondDone, 'the second import should still have been running').toBe(false);
    expect(progress).toBeLessThan(100_000);

    const services = openListServices(join(dir, 'data'));
    const lists = services.store.listLists();
    expect(lists.map((list) => [list.name, list.rowCount])).toEqual([['first', 100_000]]);
    const rows = services.store.getRows(lists[0]!.id, 0, acked + 1);
    for (let i = 0; i <= acked; i++) expect(rows[i]?.variables[2], `edit ${i}`).toBe(`edit-${i}`);
    // The half import is invisible, and the start-up clean-up removes it (its process is gone).
    expect(
      services.db.prepare("SELECT count(*) AS n FROM call_lists WHERE state = 'importing'").get(),
    ).toEqual({
      n: 0,
    });
    expect(services.db.prepare('SELECT count(*) AS n FROM call_rows').get()).toEqual({ n: 100_000 });
    services.close();
  }, 90_000);
});
