/**
 * Parses what Excel (or WPS, LibreOffice) puts on the clipboard for a copied range: rows
 * separated by line breaks, cells by tabs, and cells holding tabs, quotes or line breaks
 * wrapped in double quotes with inner quotes doubled. A trailing line break is not a row.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const char = text[i] as string;
    if (atCellStart && char === '"') {
      // A quoted cell: read to the closing quote.
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          cell += text[i];
          i++;
        }
      }
      atCellStart = false;
      continue;
    }
    if (char === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += char;
      atCellStart = false;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A cell value as Excel expects it on the clipboard. */
export function toClipboardCell(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
