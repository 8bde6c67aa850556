import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOMES } from '../../../shared/results';
import { sobotCallOutcome } from '../../../shared/codes/sobot';
import { openListServices } from '../../../electron/services/lists/index';
import { APP_MIGRATIONS } from '../../../electron/services/db/appMigrations';
import { databasePath } from '../../../electron/services/db/database';
import { ResultsReader } from '../../../electron/services/results/resultsQuery';
import { createJournalOutidResolver, createUploadService } from '../../../electron/services/uploads/index';
import { sobotFactory } from '../../../electron/services/sobot/provider/index';

const DUMP = readFileSync(new URL('../../fixtures/db/v0.1.sql', import.meta.url), 'utf8');
const ACCOUNT = 'sandbox';

/** A data folder holding the database version 0.1 wrote (see test/fixtures/db/README.md). */
function folderFromV01(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd-migrate-'));
  const db = new BetterSqlite3(databasePath(dir));
  db.exec(DUMP);
  db.close();
  return dir;
}

describe('a database made by version 0.1', () => {
  it('opens with every migration applied, and keeps every list, upload and call', () => {
    const dir = folderFromV01();
    const before = new BetterSqlite3(databasePath(dir), { readonly: true });
    const old = before
      .prepare('SELECT callid, status, voice_url, utterance_count FROM result_calls ORDER BY callid')
      .all() as { callid: string; status: number; voice_url: string | null; utterance_count: number }[];
    const oldLines = before.prepare('SELECT callid, idx, sender, text, at FROM result_utterances').all() as {
      callid: string;
      idx: number;
      sender: number;
      text: string;
      at: number;
    }[];
    before.close();
    expect(old.length).toBe(12);

    const services = openListServices(dir);
    const { db } = services;
    const versions = db
      .prepare('SELECT feature, max(version) AS v FROM schema_migrations GROUP BY feature')
      .all();
    // Every feature at this build's newest step.
    const newest = new Map<string, number>();
    for (const m of APP_MIGRATIONS) newest.set(m.feature, Math.max(newest.get(m.feature) ?? 0, m.version));
    expect(versions).toEqual(expect.arrayContaining([...newest].map(([feature, v]) => ({ feature, v }))));
    expect(newest.get('results')).toBeGreaterThanOrEqual(2);
    expect(newest.get('uploads')).toBeGreaterThanOrEqual(5);

    // Lists and rows are untouched.
    const [list] = services.store.listLists();
    expect(list).toMatchObject({ name: '老名单', rowCount: 13 });

    // Calls: outcomes in the app's words, the iCall code kept, the recording as a reference.
    const reader = new ResultsReader(db);
    const page = reader.page(ACCOUNT, { kind: 'task', taskId: readTask(db) }, {}, 0, 100);
    expect(page.total).toBe(12);
    for (const call of page.calls) {
      const was = old.find((o) => o.callid === call.id)!;
      expect(call.outcomeCode).toBe(String(was.status));
      expect(call.outcome).toBe(sobotCallOutcome(was.status));
      expect(CALL_OUTCOMES).toContain(call.outcome);
      expect(reader.recording(ACCOUNT, call.id)).toEqual(
        was.voice_url ? { kind: 'url', url: was.voice_url } : null,
      );
      expect(call.hasRecording).toBe(was.voice_url !== null);
      const review = reader.call(ACCOUNT, call.id)!;
      expect(review.transcript).toBe(was.utterance_count > 0 ? 'ready' : 'none');
      const lines = oldLines.filter((l) => l.callid === call.id).sort((a, b) => a.idx - b.idx);
      expect(review.lines).toEqual(
        lines.map((l) => ({
          speaker: l.sender === 1 ? 'robot' : 'customer',
          text: l.text,
          at: l.at,
          startMs: null,
          endMs: null,
          remark: null,
        })),
      );
      // Placed by the provider's rule on a recording as long as the talk time.
      const placed = sobotFactory.placeTranscript(ResultsReader.timing(call), review.lines, call.talkMs);
      for (const line of placed) expect(line.startMs).toBeGreaterThanOrEqual(0);
    }
    expect(page.calls.some((c) => c.outcome === 'connected')).toBe(true);

    // Upload rows: variables as JSON of template name → value, decoded exactly.
    const rows = db.prepare('SELECT outid, variables, state FROM upload_rows ORDER BY seq').all() as {
      outid: string;
      variables: string;
      state: string;
    }[];
    expect(rows).toHaveLength(12);
    expect(JSON.parse(rows[0]!.variables)).toEqual({ 姓名: '客户0', 公司: '甲 公司' });
    expect(rows.every((r) => r.state === 'accepted')).toBe(true);
    const uploads = createUploadService({
      db,
      lists: services.store,
      activeId: () => ACCOUNT,
      sessionFor: () => Promise.reject(new Error('not needed')),
      factoryFor: () => sobotFactory,
    });
    expect(uploads.forList(list!.id)[0]).toMatchObject({
      state: 'done',
      outcome: { accepted: 12, failed: 0 },
    });
    // The journal still answers which task a row went to.
    expect(createJournalOutidResolver(db).taskFor(rows[0]!.outid)).toMatchObject({ taskId: readTask(db) });
    services.close();
  });
});

function readTask(db: BetterSqlite3.Database): string {
  return (db.prepare('SELECT task_id FROM uploads LIMIT 1').get() as { task_id: string }).task_id;
}
