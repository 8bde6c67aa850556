import type { RemoveRowsResult, UploadPlan, UploadProgress, UploadRowEntry, UploadSummary } from '../uploads';
import {
  removeRowsSchema,
  resumeUploadSchema,
  uploadIdSchema,
  uploadRequestSchema,
  uploadRowsSchema,
  uploadsForListSchema,
  uploadsForTaskSchema,
} from '../schemas/uploads';
import { shape } from './shape';

/** Pushing call lists into tasks of the active account, recorded in the upload journal. */
export const uploadCalls = {
  /** What an upload would send: rows to send, rows left out per problem, repeats, requests. */
  'uploads:plan': { input: uploadRequestSchema, output: shape<UploadPlan>() },
  /**
   * Journals the rows and starts sending in the background; answers once the journal exists.
   * Progress arrives as `uploads:progress`.
   */
  'uploads:start': { input: uploadRequestSchema, output: shape<UploadSummary>() },
  /** Continues a paused, failed or interrupted upload (optionally switching data/file). */
  'uploads:resume': { input: resumeUploadSchema, output: shape<UploadSummary>() },
  /** Stops after the request in flight; resumable. */
  'uploads:pause': { input: uploadIdSchema, output: shape<UploadSummary>() },
  /** Stops for good after the request in flight; rows already accepted stay on the task. */
  'uploads:cancel': { input: uploadIdSchema, output: shape<UploadSummary>() },
  'uploads:status': { input: uploadIdSchema, output: shape<UploadSummary>() },
  /** Uploads of a list, newest first. */
  'uploads:forList': { input: uploadsForListSchema, output: shape<UploadSummary[]>() },
  /** Uploads into a task of the active account, newest first. */
  'uploads:forTask': { input: uploadsForTaskSchema, output: shape<UploadSummary[]>() },
  /** Journal rows of an upload (e.g. the refused ones, with code and reason). */
  'uploads:rows': { input: uploadRowsSchema, output: shape<UploadRowEntry[]>() },
  /** Deletes list rows this app uploaded from the task (delete_task_data, 100 per request). */
  'uploads:removeRows': { input: removeRowsSchema, output: shape<RemoveRowsResult>() },
  /**
   * Rows whose answer was lost on a provider that cannot look them up (listed by `uploads:rows`
   * with state `uncertain`): send them again and resume, or close them unsent.
   */
  'uploads:resendUncertain': { input: uploadIdSchema, output: shape<UploadSummary>() },
  'uploads:skipUncertain': { input: uploadIdSchema, output: shape<UploadSummary>() },
} as const;

export const uploadEvents = {
  /** An upload moved on or changed state (any window's, not the CLI's). */
  'uploads:progress': shape<UploadProgress>(),
} as const;
