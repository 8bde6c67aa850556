/**
 * Review looks a connected call's times up only where the provider says they come on review
 * (`capabilities.durations`: CEC). A Sobot call whose results carried no end (an odd answer) is
 * shown as stored: no session is opened (no keychain read, no request) for a lookup Sobot has
 * no endpoint for.
 */
import { afterEach, expect, it } from 'vitest';
import type { ProviderCall } from '../../../electron/services/providers/types';
import { CallStore } from '../../../electron/services/results/callStore';
import { sobotFactory } from '../../../electron/services/sobot/provider/index';
import { createJournalOutidResolver } from '../../../electron/services/uploads/index';
import { ACCOUNT, setupResults } from './support';

let current: Awaited<ReturnType<typeof setupResults>> | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

const CALL: ProviderCall = {
  id: 'no-end',
  taskId: 'task-times',
  rowKey: null,
  outcome: 'connected',
  outcomeCode: '2',
  intentions: [],
  telephone: '13912345678',
  callerNumber: '02180344315',
  startedAt: 1_764_000_000_000,
  answeredAt: null,
  endedAt: null,
  callMs: 0,
  talkMs: 0,
  recording: null,
  deleted: false,
  utterances: [],
  transcript: 'none',
};

it('opens no session for a Sobot call without an end (its times come with the call)', async () => {
  expect(sobotFactory.info.capabilities.durations).toBe('with_call');
  let sessions = 0;
  const s = (current = await setupResults({
    deps: {
      accounts: {
        activeId: () => ACCOUNT,
        factoryFor: () => sobotFactory,
        sessionFor: () => {
          sessions++;
          return Promise.reject(new Error('no session in this test'));
        },
      },
    },
  }));
  new CallStore(s.services.db, createJournalOutidResolver(s.services.db)).ingest([CALL], {
    accountId: ACCOUNT,
    taskId: CALL.taskId,
    now: 1_764_000_000_000,
  });
  const review = await s.results.review(CALL.id);
  expect(review.call.endedAt).toBeNull();
  expect(review.call.outcome).toBe('connected');
  expect(sessions).toBe(0);
});
