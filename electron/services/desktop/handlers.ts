import type { updateCalls } from '../../../shared/contracts/updates';
import type { FeatureHandlers } from '../contract/dispatch';
import type { UpdateService } from './updates';

export function updateHandlers(updates: UpdateService): FeatureHandlers<typeof updateCalls> {
  return {
    'updates:state': () => updates.current(),
    'updates:check': () => updates.check(),
    'updates:install': () => updates.install(),
  };
}
