/**
 * Which audio formats the media proxy accepts, from the declared content type or, when a server
 * declares none or a generic one (object storage often says `application/octet-stream`), from
 * the file's first bytes. Anything else is refused: the proxy must not become a way to serve
 * HTML or scripts from the app's origin.
 */

/** A supported format: the cache file extension and the content type it is served with. */
export interface AudioFormat {
  ext: 'wav' | 'mp3' | 'ogg' | 'm4a' | 'flac' | 'webm';
  contentType: string;
}

const BY_EXT: Record<AudioFormat['ext'], AudioFormat> = {
  wav: { ext: 'wav', contentType: 'audio/wav' },
  mp3: { ext: 'mp3', contentType: 'audio/mpeg' },
  ogg: { ext: 'ogg', contentType: 'audio/ogg' },
  m4a: { ext: 'm4a', contentType: 'audio/mp4' },
  flac: { ext: 'flac', contentType: 'audio/flac' },
  webm: { ext: 'webm', contentType: 'audio/webm' },
};

export const AUDIO_EXTENSIONS = Object.keys(BY_EXT) as AudioFormat['ext'][];

const BY_MIME: Record<string, AudioFormat['ext']> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/x-mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'm4a',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/webm': 'webm',
};

/** Content types that say nothing about the bytes: the bytes decide. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-download']);

/** The format for a cache file extension. */
export function formatOfExt(ext: string): AudioFormat | null {
  return (BY_EXT as Record<string, AudioFormat>)[ext] ?? null;
}

/** The bare, lower-case media type of a Content-Type header (`audio/wav; x=y` → `audio/wav`). */
export function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The format the first bytes show, or null. */
export function sniffAudio(bytes: Uint8Array): AudioFormat | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return BY_EXT.wav;
  if (bytes.length >= 3 && ascii(0, 3) === 'ID3') return BY_EXT.mp3;
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return BY_EXT.mp3;
  if (bytes.length >= 4 && ascii(0, 4) === 'OggS') return BY_EXT.ogg;
  if (bytes.length >= 4 && ascii(0, 4) === 'fLaC') return BY_EXT.flac;
  if (bytes.length >= 8 && ascii(4, 8) === 'ftyp') return BY_EXT.m4a;
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
    return BY_EXT.webm;
  return null;
}

/**
 * Whether a response declaring `contentType` may be accepted at all (checked before the body
 * is read): audio types and generic ones pass, anything else (`text/html`…) does not.
 */
export function acceptableDeclaredType(contentType: string): boolean {
  return contentType.startsWith('audio/') || GENERIC.has(contentType);
}

/**
 * The format of a downloaded file: a known audio type as declared, else what the bytes show.
 * Null means it is not audio the app can play.
 */
export function decideFormat(contentType: string, bytes: Uint8Array): AudioFormat | null {
  const declared = BY_MIME[contentType];
  if (declared) return BY_EXT[declared];
  if (!acceptableDeclaredType(contentType)) return null;
  return sniffAudio(bytes);
}
