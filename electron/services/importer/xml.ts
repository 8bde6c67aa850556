/**
 * A small pull scanner for the spreadsheet XML inside an .xlsx. It is fed decoded text chunk by
 * chunk (the caller turns bytes into text with a streaming TextDecoder, which never splits a
 * UTF-8 sequence — the very bug that corrupts Chinese in exceljs's streaming reader) and calls
 * back with tags and entity-decoded text. It is not a validating parser: sheet, shared-string
 * and style parts are machine-written, and anything it cannot make sense of is simply skipped.
 */

export interface XmlHandler {
  /** `name` without its namespace prefix; `attrs` the raw attribute text (see `attr`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text; one element's text may come in several pieces. */
  text(text: string): void;
}

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

const attrPatterns = new Map<string, RegExp>();

/** One attribute's decoded value from a tag's raw attribute text (namespace prefix ignored). */
export function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const match = pattern.exec(attrs);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? '');
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Finds the `>` closing a tag that starts at `from`, skipping any inside quoted values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

export class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of text. */
  write(chunk: string): void {
    this.buffer += chunk;
    this.scan(false);
  }

  /** Flushes what is left at the end of the document. */
  end(): void {
    this.scan(true);
    this.buffer = '';
  }

  private scan(final: boolean): void {
    const text = this.buffer;
    const h = this.handler;
    let pos = 0;
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        // Hold back a possibly split entity (`&am` + `p;`) until the next chunk.
        const amp = final ? -1 : text.lastIndexOf('&');
        const until = amp >= pos && text.indexOf(';', amp) < 0 ? amp : text.length;
        if (until > pos) h.text(decodeEntities(text.slice(pos, until)));
        pos = until;
        break;
      }
      if (lt > pos) h.text(decodeEntities(text.slice(pos, lt)));
      pos = lt;
      if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) break;
        h.text(text.slice(lt + 9, close));
        pos = close + 3;
      } else if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) break;
        pos = close + 3;
      } else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
        const close = text.indexOf('>', lt + 2);
        if (close < 0) break;
        pos = close + 1;
      } else {
        const close = tagEnd(text, lt + 1);
        if (close < 0) break;
        if (text[lt + 1] === '/') h.close(localName(text.slice(lt + 2, close).trim()));
        else {
          const selfClosing = text[close - 1] === '/';
          const body = text.slice(lt + 1, selfClosing ? close - 1 : close);
          const space = body.search(/[\s]/);
          const name = space < 0 ? body : body.slice(0, space);
          h.open(localName(name), space < 0 ? '' : body.slice(space), selfClosing);
          if (selfClosing) h.close(localName(name));
        }
        pos = close + 1;
      }
    }
    this.buffer = text.slice(pos);
  }
}

/** Spreadsheet strings escape characters XML cannot hold as `_xHHHH_` (`_x000D_` is a CR). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
