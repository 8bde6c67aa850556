import type { uploadCalls } from '../../../shared/contracts/uploads';
import type { FeatureHandlers } from '../contract/dispatch';
import type { UploadService } from './api';

/**
 * The handlers of `contracts/uploads.ts`, joined in createHandlers. Uploads run in the
 * background: start and resume answer once the journal says `running`; progress and the end
 * arrive as `uploads:progress` (the host wires the service's onProgress to the broadcast).
 */
export function uploadHandlers(uploads: UploadService): FeatureHandlers<typeof uploadCalls> {
  return {
    'uploads:plan': (request) => uploads.plan(request),
    'uploads:start': async (request) => uploads.read.status((await uploads.start(request)).uploadId),
    'uploads:resume': async ({ uploadId, via }) =>
      uploads.read.status((await uploads.resume(uploadId, via ? { via } : {})).uploadId),
    'uploads:pause': ({ uploadId }) => uploads.read.pause(uploadId),
    'uploads:cancel': ({ uploadId }) => uploads.read.cancel(uploadId),
    'uploads:status': ({ uploadId }) => uploads.read.status(uploadId),
    'uploads:forList': ({ listId }) => uploads.read.forList(listId),
    'uploads:forTask': ({ taskId }) => uploads.read.forTask(taskId),
    'uploads:rows': ({ uploadId, states, offset, limit }) =>
      uploads.rows(uploadId, {
        ...(states ? { states } : {}),
        ...(offset !== undefined ? { offset } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    'uploads:removeRows': (request) => uploads.removeRows(request),
    'uploads:resendUncertain': async ({ uploadId }) =>
      uploads.read.status((await uploads.resendUncertain(uploadId)).uploadId),
    'uploads:skipUncertain': ({ uploadId }) => uploads.read.skipUncertain(uploadId),
  };
}
