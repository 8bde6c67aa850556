/**
 * Seeding tasks directly into the store, for tests and benchmarks that need a task with
 * history without simulating hours of dialing.
 */

import { CALLER_NUMBERS } from './account';
import { parseCallTimeSlot } from './calling-hours';
import { createCallRecord } from './dialer';
import { hash32 } from './random';
import type { SandboxState } from './state';
import type { TaskSettings } from './task-store';
import { findTemplate, TEMPLATES } from './templates';

export interface SeedTaskInput {
  name: string;
  /** Rows uploaded to the task. */
  rows: number;
  /** How many of them already have a finished call, spread over the last hour. */
  completed: number;
  templateid?: string;
  /** Default 1. */
  robotNum?: number;
  /** Default `00:00-24:00`, so the task keeps running whatever the time. */
  callTimeSlot?: string;
  pushUrl?: string;
  pushType?: 1 | 2;
  numberHide?: 0 | 1 | 2;
}

/** Creates a running task with `rows` rows, the first `completed` already called. */
export function seedTask(sandbox: SandboxState, seed: number, input: SeedTaskInput): string {
  const { rows, completed } = input;
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(completed) ||
    rows < 0 ||
    completed < 0 ||
    completed > rows
  ) {
    throw new RangeError('seedTask: rows and completed must be integers with 0 ≤ completed ≤ rows');
  }
  const templateId = input.templateid ?? TEMPLATES[0]!.templateid;
  if (!findTemplate(templateId)) throw new RangeError(`seedTask: unknown template ${templateId}`);
  const hours = parseCallTimeSlot(input.callTimeSlot ?? '00:00-24:00');
  if (!hours) throw new RangeError('seedTask: bad callTimeSlot');
  const settings: TaskSettings = {
    name: input.name,
    templateId,
    lineType: 1,
    callers: [CALLER_NUMBERS[0]!.telephone],
    robotNum: input.robotNum ?? 1,
    timeType: 2,
    startTime: null,
    endTime: null,
    callTimeSlot: hours.normalized,
    slots: hours.slots,
    pushUrl: input.pushUrl ?? null,
    pushType: input.pushType ?? 2,
    numberHide: input.numberHide ?? 0,
    exportStatus: 0,
  };
  const now = sandbox.now;
  const { store } = sandbox;
  const task = store.create(settings, now);
  const base = hash32(input.name, seed) % 900_000_000;
  for (let i = 0; i < rows; i++) {
    const telephone = `13${String((base + i) % 1_000_000_000).padStart(9, '0')}`;
    store.addRow(task, `seed-${i + 1}`, telephone, '');
  }
  // Finished calls start between an hour and five minutes ago, so all have ended by now.
  const first = now - 3_600_000;
  const span = 3_600_000 - 300_000;
  for (let i = 0; i < completed; i++) {
    const row = task.rows[i]!;
    const call = createCallRecord(store, seed, task, row, first + Math.floor((i * span) / completed));
    row.state = 'done';
    task.pendingRows--;
    store.fileCall(task, call);
  }
  sandbox.dialer.dispatch();
  return task.id;
}
