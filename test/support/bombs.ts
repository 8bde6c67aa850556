/**
 * Hostile workbooks, built in code in a few milliseconds each (see `deflateBomb`): what the
 * reader must refuse without the importing process growing past a few hundred megabytes.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { deflateBomb, handXlsx } from './handZip';

const MB = 1024 * 1024;
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>手机号码</t></is></c></row>';

/** Name → the bytes of a hostile .xlsx, and the code it must be refused with. */
export function bombs(): Record<string, { bytes: Buffer; code: string }> {
  const strings = deflateBomb(
    '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    `<si><t>${'回访'.repeat(170_000)}</t></si>`.repeat(1),
    2500,
    '</sst>',
  );
  const rowsXml = (n: number): string =>
    Array.from(
      { length: n },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>1380013${String(i).padStart(4, '0')}</v></c></row>`,
    ).join('');
  const sheetBomb = deflateBomb(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    rowsXml(10_000),
    8000,
    '</sheetData></worksheet>',
  );
  const sheet = (xml: string) => [{ name: '名单', xml }];
  const attribute = `<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr" x="${'a'.repeat(16 * MB)}`;
  return {
    // sharedStrings.xml says 1 KB and inflates to about 2.5 GB.
    'shared strings that lie about their size': {
      bytes: handXlsx({
        sheets: sheet(`${header}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`),
        sharedStrings: '<sst/>',
        override: { 'xl/sharedStrings.xml': { compressed: strings, declaredSize: 1024 } },
      }),
      code: 'import.too_large',
    },
    // The sheet says 1 MB and inflates to gigabytes of rows.
    'a deflate bomb in the sheet': {
      bytes: handXlsx({
        sheets: sheet(''),
        override: { 'xl/worksheets/sheet1.xml': { compressed: sheetBomb, declaredSize: MB } },
      }),
      code: 'import.too_large',
    },
    // The same sheet declared honestly: past the hard cap on a sheet's size.
    'a sheet declared at 4 GB': {
      bytes: handXlsx({
        sheets: sheet(''),
        override: { 'xl/worksheets/sheet1.xml': { compressed: sheetBomb, declaredSize: 0xfffffff0 } },
      }),
      code: 'import.too_large',
    },
    // An 18 KB file whose sheet is one unclosed 16 MB attribute.
    'a 16 MB attribute': {
      bytes: handXlsx({
        sheets: sheet(attribute),
        override: {
          'xl/worksheets/sheet1.xml': {
            compressed: deflateRawSync(Buffer.from(attribute), { level: 9 }),
            declaredSize: Buffer.byteLength(attribute),
          },
        },
      }),
      code: 'import.too_large',
    },
    'a 5-million-character cell': {
      bytes: handXlsx({
        sheets: sheet(
          `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>${'长'.repeat(5_000_000)}</t></is></c></row>`,
        ),
      }),
      code: 'import.too_large',
    },
    'a 5-million-character shared string': {
      bytes: handXlsx({
        sheets: sheet(`${header}<row r="2"><c r="A2" t="s"><v>0</v></c></row>`),
        sharedStrings: [`<si><t>${'长'.repeat(5_000_000)}</t></si>`],
      }),
      code: 'import.too_large',
    },
    // Twenty million (empty) strings, declared honestly.
    'a huge shared-string count': {
      bytes: handXlsx({
        sheets: sheet(`${header}<row r="2"><c r="A2" t="s"><v>19999999</v></c></row>`),
        sharedStrings: '<sst/>',
        override: {
          'xl/sharedStrings.xml': {
            compressed: deflateBomb('<sst>', '<si/>'.repeat(100_000), 200, '</sst>'),
            declaredSize: 11 + 5 * 20_000_000,
            crc: 0,
          },
        },
      }),
      code: 'import.too_large',
    },
  };
}

/** Deflated bytes with a final block, for splicing garbage into (see `damagedSheet`). */
export function deflated(text: string): Buffer {
  return deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FINISH });
}
