import { describe, expect, it } from 'vitest';
import { uncertainActions } from '../../../renderer/src/features/uploads/uncertainActions';

describe('actions offered for rows whose answer was lost', () => {
  it('offer resend and skip for an upload that can run again', () => {
    for (const state of ['done', 'paused', 'failed'] as const)
      expect(uncertainActions(state)).toEqual({ resend: true, skip: true });
  });

  it('offer only skip for a cancelled upload (the service refuses its resend)', () => {
    expect(uncertainActions('cancelled')).toEqual({ resend: false, skip: true });
  });

  it('offer nothing while it runs', () => {
    expect(uncertainActions('running')).toEqual({ resend: false, skip: false });
  });
});
