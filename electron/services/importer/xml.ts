import { importFailure } from './errors';

/**
 * A small pull scanner for the spreadsheet XML inside an .xlsx. It is fed decoded text chunk by
 * chunk (the caller turns bytes into text with a streaming TextDecoder, which never splits a
 * UTF-8 sequence — the very bug that corrupts Chinese in exceljs's streaming reader) and calls
 * back with tags and entity-decoded text. It is not a validating parser: sheet, shared-string
 * and style parts are machine-written, and anything it cannot make sense of is simply skipped.
 *
 * It is linear in its input: text is handed on as soon as it is seen, and only an unfinished
 * tag (or comment, CDATA section) is held over to the next chunk — at most {@link MAX_TAG_CHARS}
 * of it, so a hostile "16 MB attribute" fails after 64 K characters instead of being rescanned
 * on every chunk.
 */

export interface XmlHandler {
  /**
   * `name` without its namespace prefix, `prefix` the prefix ('' when none); `attrs` the raw
   * attribute text (see `attr`).
   */
  open(name: string, attrs: string, selfClosing: boolean, prefix: string): void;
  close(name: string, prefix: string): void;
  /** Decoded text; one element's text may come in several pieces. */
  text(text: string): void;
}

/** The longest tag (with its attributes) any spreadsheet writer produces, with room to spare. */
export const MAX_TAG_CHARS = 64 * 1024;
/** The longest comment, CDATA section or processing instruction held whole. */
const MAX_SPECIAL_CHARS = 1024 * 1024;
/** `&#x10FFFF;` is the longest reference: a `&` further back than this is not a split one. */
const MAX_ENTITY_CHARS = 12;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** XML's end-of-line rule (2.11): CR LF and a lone CR read as LF. `&#13;` stays a CR. */
function normaliseLines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * One attribute's decoded value from a tag's raw attribute text (namespace prefix ignored, so
 * `r:id` answers `id`). A plain search rather than a regular expression: it runs for every cell.
 */
export function attr(attrs: string, name: string): string | undefined {
  for (let from = 0; ;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + 1;
    const before = at === 0 ? 32 : attrs.charCodeAt(at - 1);
    if (!isSpace(before) && before !== 58) continue;
    let i = at + name.length;
    while (isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 61) continue;
    i++;
    while (isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeEntities(normaliseLines(attrs.slice(i + 1, end)));
  }
}

/**
 * Finds the `>` closing a tag that starts at `from`, skipping any inside quoted values: hops
 * from quote to quote with `indexOf` (native) rather than looking at every character.
 */
function tagEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const gt = text.indexOf('>', at);
    if (gt < 0) return -1;
    let quote = -1;
    for (let i = at; i < gt; i++) {
      const code = text.charCodeAt(i);
      if (code === 34 || code === 39) {
        quote = i;
        break;
      }
    }
    if (quote < 0) return gt;
    const close = text.indexOf(text[quote] as string, quote + 1);
    if (close < 0) return -1;
    at = close + 1;
  }
}

export class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of text. */
  write(chunk: string): void {
    this.buffer = this.buffer ? this.buffer + chunk : chunk;
    this.scan(false);
  }

  /** Flushes what is left at the end of the document; an unfinished tag means it was cut. */
  end(): void {
    this.scan(true);
    if (this.buffer.trim() !== '') throw importFailure('import.corrupt', 'xml: unfinished tag');
    this.buffer = '';
  }

  private emitText(text: string): void {
    if (text) this.handler.text(decodeEntities(normaliseLines(text)));
  }

  private scan(final: boolean): void {
    const text = this.buffer;
    const h = this.handler;
    let pos = 0;
    let held = '';
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        let until = text.length;
        if (!final) {
          // Hold back a possibly split entity (`&am` + `p;`) or CR (CR + LF) until the next chunk.
          const amp = text.lastIndexOf('&');
          if (amp >= pos && amp >= text.length - MAX_ENTITY_CHARS && text.indexOf(';', amp) < 0) until = amp;
          if (until > pos && text.charCodeAt(until - 1) === 13) until--;
        }
        this.emitText(text.slice(pos, until));
        held = text.slice(until);
        pos = text.length;
        break;
      }
      if (lt > pos) this.emitText(text.slice(pos, lt));
      pos = lt;
      let close: number;
      if (text.startsWith('<![CDATA[', lt)) {
        close = text.indexOf(']]>', lt + 9);
        if (close < 0) break;
        h.text(normaliseLines(text.slice(lt + 9, close)));
        pos = close + 3;
      } else if (text.startsWith('<!--', lt)) {
        close = text.indexOf('-->', lt + 4);
        if (close < 0) break;
        pos = close + 3;
      } else if (text.charCodeAt(lt + 1) === 63 || text.charCodeAt(lt + 1) === 33) {
        close = text.indexOf('>', lt + 2);
        if (close < 0) break;
        pos = close + 1;
      } else {
        close = tagEnd(text, lt + 1);
        if (close < 0) break;
        if (text.charCodeAt(lt + 1) === 47) {
          const [prefix, name] = splitName(text.slice(lt + 2, close).trim());
          h.close(name, prefix);
        } else {
          const selfClosing = text.charCodeAt(close - 1) === 47;
          const bodyEnd = selfClosing ? close - 1 : close;
          let nameEnd = lt + 1;
          while (nameEnd < bodyEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
          const [prefix, name] = splitName(text.slice(lt + 1, nameEnd));
          h.open(name, nameEnd < bodyEnd ? text.slice(nameEnd, bodyEnd) : '', selfClosing, prefix);
          if (selfClosing) h.close(name, prefix);
        }
        pos = close + 1;
      }
    }
    const rest = held || text.slice(pos);
    if (rest.length > (rest.startsWith('<!') || rest.startsWith('<?') ? MAX_SPECIAL_CHARS : MAX_TAG_CHARS))
      throw importFailure('import.too_large', 'xml: tag too long');
    this.buffer = rest;
  }
}

function splitName(qualified: string): [string, string] {
  const colon = qualified.indexOf(':');
  return colon < 0 ? ['', qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
}

/** Spreadsheet strings escape characters XML cannot hold as `_xHHHH_` (`_x000D_` is a CR). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
