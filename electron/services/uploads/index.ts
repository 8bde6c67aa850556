/**
 * Pushing call lists into provider tasks, journaled in SQLite so an interrupted upload resumes
 * without sending a row twice or skipping one. Import from here.
 */
export {
  createUploadService,
  type UploadService,
  type UploadServiceDeps,
  type UploadHandle,
  type RunOptions,
} from './service';
export { UPLOAD_MIGRATIONS } from './schema';
export { createJournalOutidResolver } from './resolver';
export { createHostUploads } from './host';
