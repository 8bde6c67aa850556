import { z } from 'zod';
import { UPLOAD_ROW_STATES, type RemoveRowsRequest, type UploadRequest } from '../uploads';

/** Shapes of the upload calls' inputs: types and sizes only; the upload service checks the rest. */

const taskId = z.string().trim().min(1).max(128);
const listId = z.number().int().positive();
const uploadId = z.number().int().positive();
const via = z.enum(['data', 'file']);
/** A list can hold 100,000+ rows, but a selection sent over IPC is bounded. */
const rowIds = z.array(z.number().int().positive()).max(200_000);
const variableName = z.string().max(100);

export const uploadRequestSchema = z
  .object({
    listId,
    taskId,
    via: via.optional(),
    rowIds: rowIds.optional(),
    variables: z.record(variableName, variableName.nullable()).optional(),
    sendNumbersOnTask: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<Omit<UploadRequest, 'accountId'>>;

export const uploadIdSchema = z.object({ uploadId }).strict();

export const resumeUploadSchema = z.object({ uploadId, via: via.optional() }).strict();

export const uploadsForListSchema = z.object({ listId }).strict();

export const uploadsForTaskSchema = z.object({ taskId }).strict();

export const uploadRowsSchema = z
  .object({
    uploadId,
    states: z.array(z.enum(UPLOAD_ROW_STATES)).max(UPLOAD_ROW_STATES.length).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const removeRowsSchema = z
  .object({ listId, taskId, rowIds: rowIds.min(1) })
  .strict() satisfies z.ZodType<Omit<RemoveRowsRequest, 'accountId'>>;
