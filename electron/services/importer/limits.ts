/**
 * The bounds every file is read under. A workbook comes from anybody; none of these trusts
 * what the file declares. Each is far above what a real call list needs (100,000 rows of 200
 * columns) and each one reached is `import.too_large`, never a crash. Whatever still gets
 * past them meets the parse worker's heap limit (see `worker/parseHost.ts`).
 */

/** Excel's own limit for one cell's text. */
export const MAX_CELL_CHARS = 32_767;
/** Inflated size of one worksheet's XML (streamed; this bounds the time a bomb can cost). */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** Inflated size of the shared-string part (streamed, but what it holds is kept). */
export const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;
/** Strings in the shared-string table: 100,000 rows × 20 distinct texts. */
export const MAX_SHARED_STRINGS = 2_000_000;
/** Characters kept for the shared-string table (about 80 MB of Chinese text in memory). */
export const MAX_SHARED_CHARS = 40_000_000;
/** Workbook, relationships and styles parts, read whole. */
export const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
/** Cell formats in the styles part. */
export const MAX_CELL_STYLES = 65_536;
