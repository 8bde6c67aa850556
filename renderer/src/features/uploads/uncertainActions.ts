import type { UploadState } from '../../../../shared/uploads';

/** What the operator may do with an upload's rows whose answer was lost. */
export interface UncertainActions {
  /** Send them again: the upload runs again (the service reopens a done one). */
  resend: boolean;
  /** Close them unsent (the service allows it whatever the upload's state). */
  skip: boolean;
}

/**
 * The actions the upload panel offers for the uncertain rows of an upload in this state, as the
 * service allows them (electron/services/uploads: resendUncertain refuses a running upload as
 * `uploads.busy` and a cancelled one as `uploads.not_resumable`; skipUncertain refuses neither).
 * While it runs the rows are not shown at all.
 */
export function uncertainActions(state: UploadState): UncertainActions {
  if (state === 'running') return { resend: false, skip: false };
  return { resend: state !== 'cancelled', skip: true };
}
