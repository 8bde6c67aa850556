/** Source files for the importer tests, generated at run time (no big fixtures in git). */
import { writeFileSync } from 'node:fs';
import { csvField } from '../../electron/services/exports/cells';

export function writeCsv(path: string, rows: readonly (readonly string[])[]): void {
  writeFileSync(path, `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`);
}

const HAN =
  '中华人民共和国广东省深圳市南山区科技园路一号大厦二十三层回访客户满意度调查问卷请您对本次服务进行评价谢谢您的支持与配合祝您生活愉快身体健康万事如意';

/**
 * A call list of `count` rows of long Chinese text: every row's text differs (so shared strings
 * do not collapse) and is long enough that many characters straddle 16/64 KiB chunk borders.
 */
export function chineseRows(count: number): string[][] {
  const rows: string[][] = [['手机号码', '客户姓名', '地址', '备注']];
  for (let i = 0; i < count; i++) {
    const shift = i % HAN.length;
    const text = HAN.slice(shift) + HAN.slice(0, shift);
    rows.push([
      String(13000000000 + i * 7),
      `客户${i}号`,
      `${text.slice(0, 30 + (i % 23))}${i}`,
      `第${i}行：${text.slice(i % 11, 40)}`,
    ]);
  }
  return rows;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell of a generated .fods: text, a number cell, a date cell, or a title merged over `span` columns. */
export type FodsCell = string | number | { date: string } | { title: string; span: number } | null;

function fodsCell(cell: FodsCell): string {
  if (cell === null || cell === '') return '<table:table-cell/>';
  if (typeof cell === 'number')
    return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (typeof cell === 'string')
    return `<table:table-cell office:value-type="string"><text:p>${escapeXml(cell)}</text:p></table:table-cell>`;
  if ('date' in cell)
    return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${cell.date}"><text:p>${cell.date}</text:p></table:table-cell>`;
  return `<table:table-cell table:number-columns-spanned="${cell.span}" office:value-type="string"><text:p>${escapeXml(cell.title)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="${cell.span - 1}"/>`;
}

/**
 * A flat OpenDocument spreadsheet (.fods) for LibreOffice to convert: lets a test say exactly
 * which cells are numbers (phones typed as numbers), dates, or a merged title row.
 */
export function fods(sheets: readonly { name: string; rows: readonly (readonly FodsCell[])[] }[]): string {
  const tables = sheets
    .map(
      (sheet) =>
        `<table:table table:name="${escapeXml(sheet.name)}">${sheet.rows
          .map(
            (row) =>
              `<table:table-row>${row.length ? row.map(fodsCell).join('') : '<table:table-cell/>'}</table:table-row>`,
          )
          .join('')}</table:table>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>
`;
}

/**
 * The start of an OLE2 compound file whose directory names the streams of an encrypted
 * OOXML package (EncryptionInfo, EncryptedPackage) — what Excel writes for a password-protected
 * .xlsx. LibreOffice 7.4's command line cannot write one, so the test builds the container.
 */
export function encryptedPackageBytes(): Buffer {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 24); // minor version
  file.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28); // little-endian
  file.writeUInt16LE(9, 30); // sector shift
  file.writeUInt16LE(6, 32); // mini sector shift
  file.writeUInt32LE(1, 44); // one FAT sector
  file.writeUInt32LE(1, 48); // directory starts at sector 1
  file.writeUInt32LE(4096, 56); // mini stream cutoff
  file.writeUInt32LE(0xfffffffe, 60);
  file.writeUInt32LE(0xfffffffe, 68);
  file.writeUInt32LE(0, 76); // DIFAT[0] = sector 0 is the FAT
  for (let i = 1; i < 109; i++) file.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector;
  file.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  file.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  const directory = sector * 2;
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, index) => {
    const at = directory + index * 128;
    file.write(name, at, 'utf16le');
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
    file[at + 66] = index === 0 ? 5 : 2; // root storage, then streams
  });
  return file;
}
