/**
 * What a task's status allows, by its provider's life cycle (`ProviderCapabilities.lifecycle`).
 * Main checks it before sending and the Tasks screen enables a button only where it is allowed,
 * so both sides read the same table.
 */
import type { ProviderCapabilities } from './providers';
import { TASK_ACTIONS, type TaskAction, type TaskStatus } from './tasks';

export { TASK_ACTIONS, type TaskAction } from './tasks';

/** The actions a task in `status` allows on a provider with these capabilities. */
export function allowedActions(
  capabilities: Pick<ProviderCapabilities, 'lifecycle'>,
  status: TaskStatus,
): ReadonlySet<TaskAction> {
  return new Set(TASK_ACTIONS.filter((action) => capabilities.lifecycle[action].includes(status)));
}

/** Whether `action` is allowed for a task in `status`. */
export function isActionAllowed(
  capabilities: Pick<ProviderCapabilities, 'lifecycle'>,
  status: TaskStatus,
  action: TaskAction,
): boolean {
  return capabilities.lifecycle[action].includes(status);
}

/** Whether the provider has the action at all (for a tooltip saying why a button is absent). */
export function hasAction(
  capabilities: Pick<ProviderCapabilities, 'lifecycle'>,
  action: TaskAction,
): boolean {
  return capabilities.lifecycle[action].length > 0;
}

/** Whether rows can still be pushed into a task in `status` (it may yet dial them). */
export function acceptsRows(status: TaskStatus): boolean {
  return status !== 'finished' && status !== 'deleted';
}
