import { z } from 'zod';

/** Marks the output type of a call or the payload type of an event (no runtime value). */
export function shape<T>(): T {
  return undefined as T;
}

/** The input schema of a call that takes none. */
export const noInput = z.undefined();
