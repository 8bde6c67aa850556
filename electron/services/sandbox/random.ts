/**
 * Deterministic randomness. Everything the sandbox invents (ids, call outcomes, transcripts,
 * audio) comes from these seeded generators so a test or a benchmark sees the same world for
 * the same seed, and a call's transcript and recording can be regenerated on demand instead of
 * being kept in memory.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

const MULBERRY_STEP = 0x6d2b79f5;

/** mulberry32's output for the generator state `a` (already stepped). */
function mulberryOutput(a: number): number {
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** mulberry32: tiny, fast and good enough for simulation (not for secrets). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + MULBERRY_STEP) >>> 0;
    return mulberryOutput(a);
  };
}

/**
 * mulberry32 whose position can be read and set: the generator of task and call ids, so a
 * sandbox restored from its state file goes on with the ids it would have made next instead of
 * starting the sequence again (which would only produce ids that already exist).
 */
export class SavableRng {
  /** The generator's whole state: one unsigned 32-bit integer. */
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next float in [0, 1); bound, so it can be passed where an `Rng` is expected. */
  readonly next: Rng = () => {
    this.state = (this.state + MULBERRY_STEP) >>> 0;
    return mulberryOutput(this.state);
  };
}

/** A 32-bit FNV-1a hash of a string, mixed with `seed`, used to derive per-call seeds. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche so that similar strings give unrelated seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** An integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Picks one item with probability proportional to its weight. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted: no items');
  return last[0];
}

/** Picks one item uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick: no items');
  return item;
}

/** `n` lower-case hex digits. */
export function hexDigits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}
