/**
 * The state file's text is written from cached chunks of row JSON (StateText): whatever the
 * sandbox did between two saves — rows dialled, removed, appended, a new task — the text read
 * back equals the state encoded afresh (encodeState), so a stale chunk can never be saved.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../electron/services/log';
import { encodeState, StateText } from '../../../electron/services/sandbox/persist-format';
import { seedTask } from '../../../electron/services/sandbox/seed';
import { SandboxState } from '../../../electron/services/sandbox/state';
import { HOUR, T0 } from './helpers';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

describe('the state file’s text', () => {
  it('equals the state encoded afresh after every change, its row chunks reused in between', () => {
    const sandbox = new SandboxState({ seed: 11, startTime: T0, log: quiet, pushStyle: 'json' });
    const first = seedTask(sandbox, 11, { name: '大名单', rows: 5_000, completed: 300, robotNum: 4 });
    const text = new StateText();
    const same = (): void => {
      expect(JSON.parse(text.encode(sandbox, T0))).toEqual(encodeState(sandbox, T0));
    };
    same();
    // Dialling changes row codes in a few chunks; a second save must write those chunks again.
    sandbox.dialer.advance(HOUR);
    same();
    const task = sandbox.store.order[0]!;
    task.rows[4_999]!.deleted = true;
    task.rows[17]!.state = 'removed';
    same();
    // Rows appended to the last chunk, and a second task.
    for (let i = 0; i < 1_500; i++)
      sandbox.store.addRow(task, `more-${i}`, `1390000${String(i).padStart(4, '0')}`, '');
    same();
    seedTask(sandbox, 11, { name: '第二个', rows: 10, completed: 2 });
    same();
    expect(first).toBe(task.id);
  });
});
