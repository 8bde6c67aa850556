/**
 * Imports are owned by their process: another process opening the same data folder (the app
 * starting while the CLI imports) leaves a running import alone, and discards one whose
 * process was killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { openListServices } from '../../../electron/services/lists';
import { chineseRows, writeCsv } from '../../support/workbooks';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'cd-owner-'));
const file = join(dir, 'big.csv');
const data = join(dir, 'data');

function importer(): { child: ChildProcess; lines: AsyncIterator<string> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/support/importChild.ts'), data, file],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
}

async function until(lines: AsyncIterator<string>, test: (line: string) => boolean): Promise<string> {
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new Error('the import process ended early');
    if (test(next.value)) return next.value;
  }
}

const importing = (services: ReturnType<typeof openListServices>): number =>
  (
    services.db.prepare("SELECT count(*) AS n FROM call_lists WHERE state = 'importing'").get() as {
      n: number;
    }
  ).n;

describe('imports owned by their process', () => {
  beforeAll(() => writeCsv(file, chineseRows(100_000)));

  it('another process opening the data folder (as the app does at start-up) leaves a running import alone', async () => {
    const { child, lines } = importer();
    await until(lines, (line) => line.startsWith('progress'));
    // What the desktop app does when it starts on this folder.
    const app = openListServices(data, { exclusive: true });
    expect(importing(app), 'the running import survives the start-up clean-up').toBe(1);
    app.close();
    const end = await until(lines, (line) => line.startsWith('done') || line.startsWith('failed'));
    expect(end).toMatch(/^done \d+ 100000$/);
    await new Promise((done) => child.once('exit', done));
    const after = openListServices(data);
    expect(after.store.listLists().map((list) => list.rowCount)).toEqual([100_000]);
    after.close();
  }, 90_000);

  it('discards the import of a process that was killed', async () => {
    const { child, lines } = importer();
    await until(lines, (line) => line.startsWith('progress'));
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
    const app = openListServices(data, { exclusive: true });
    expect(importing(app)).toBe(0);
    expect(app.store.listLists()).toHaveLength(1);
    app.close();
  }, 90_000);
});
