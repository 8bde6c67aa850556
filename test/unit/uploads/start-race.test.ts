/**
 * Two starts of the same list into the same task at once (two windows, a double click, the app
 * and the CLI): both can pass the service's "unfinished upload" check before either journal is
 * written, because the keychain and the database worker's selection are awaited in between. The
 * journal's own transaction refuses the second, so exactly one upload is created and the other
 * start answers `uploads.unfinished` naming it, in the user's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/services/core/createCore';
import type { ListServices } from '../../../electron/services/lists/index';
import { format, type Locale } from '../../../shared/locale';
import { UPLOAD_ERRORS } from '../../../shared/codes/uploads';
import type { Result } from '../../../shared/result';
import type { UploadSummary } from '../../../shared/uploads';
import { openHarnessCore, TEST_SENDER } from '../../support/harnessCore';
import { makeList, mobiles } from '../../support/uploads';
import { uploadFixture } from './setup';

const SENDER = TEST_SENDER;

let closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers = [];
});

const openCore = (): Core => openHarnessCore(5, closers);

/** How many uploads the journal holds for this list and task. */
function journalCount(db: Core['db'], listId: number, taskId: string): number {
  return db
    .prepare('SELECT count(*) FROM uploads WHERE list_id = ? AND task_id = ?')
    .pluck()
    .get(listId, taskId) as number;
}

describe('two starts of one list into one task at once', () => {
  it('through the core (journal on the database worker): one upload, the other told which, in zh-CN and en', async () => {
    const core = openCore();
    const call = (channel: string, input?: unknown) => core.dispatch(channel, input, SENDER);
    const control = await core.sandbox.control();
    const taskId = await control.seedTask({ name: '同时上传', rows: 0, completed: 0 });
    for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
      expect((await call('prefs:set', { locale })).ok).toBe(true);
      // A list per language, its own numbers: the first round's upload may still be running (its
      // numbers are then on the task for any other list).
      const from = locale === 'en' ? 10_000 : 0;
      const listId = makeList(
        { store: core.lists.store } as ListServices,
        mobiles(2_000, from),
        `名单-${locale}`,
      );
      const answers = (await Promise.all([
        call('uploads:start', { listId, taskId }),
        call('uploads:start', { listId, taskId }),
      ])) as Result<UploadSummary>[];

      const started = answers.filter((a) => a.ok);
      const refused = answers.filter((a) => !a.ok);
      expect(started).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(journalCount(core.db, listId, taskId)).toBe(1);
      const winner = started[0]!.ok ? started[0]!.value : null;
      expect(winner).toMatchObject({ listId, taskId });
      const id = winner!.id;
      expect(refused[0]).toEqual({
        ok: false,
        error: {
          code: 'uploads.unfinished',
          message: format(UPLOAD_ERRORS['uploads.unfinished'][locale], { id }),
          detail: String(id),
        },
      });
    }
  });

  it('in one process without the worker (the CLI): one upload, the other refused', async () => {
    const fixture = await uploadFixture({ batchRows: 100 });
    closers.push(() => fixture.close());
    const { uploads, services, taskId } = fixture;
    const listId = makeList(services, mobiles(500));
    const answers = await Promise.allSettled([
      uploads.start({ listId, taskId }),
      uploads.start({ listId, taskId }),
    ]);
    const started = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(journalCount(services.db, listId, taskId)).toBe(1);
    const id = started[0]!.uploadId;
    expect(refused[0]).toMatchObject({
      code: 'uploads.unfinished',
      detail: String(id),
      text: {
        'zh-CN': format(UPLOAD_ERRORS['uploads.unfinished']['zh-CN'], { id }),
        en: format(UPLOAD_ERRORS['uploads.unfinished'].en, { id }),
      },
    });
    expect((await started[0]!.done).state).toBe('done');
  });
});
