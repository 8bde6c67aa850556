import { describe, expect, it } from 'vitest';
import {
  csvCellText,
  csvRecord,
  neutraliseFormula,
  unwrapTextFormula,
} from '../../../electron/services/exports/cells';
import { defaultFileName, safeFileStem } from '../../../electron/services/exports/fileName';

describe('export cells', () => {
  it('writes telephones and ids as text formulas that keep every digit', () => {
    expect(csvCellText('02191248839', 'phone')).toBe('="02191248839"');
    expect(csvCellText('13800138000', 'phone')).toBe('="13800138000"');
    expect(csvCellText('+8613800138000', 'phone')).toBe('="+8613800138000"');
    expect(csvCellText('0001', 'id')).toBe('="0001"');
    // Not only digits: written as typed (a dash is no formula once it is not first).
    expect(csvCellText('010-12345678', 'phone')).toBe('010-12345678');
    expect(csvCellText('soboticall-7f', 'id')).toBe('soboticall-7f');
    // Text a spreadsheet would change keeps its digits too; short plain numbers stay numbers.
    expect(csvCellText('00123', 'text')).toBe('="00123"');
    expect(csvCellText('123456789012345678', 'text')).toBe('="123456789012345678"');
    expect(csvCellText('120', 'text')).toBe('120');
  });

  it('neutralises every formula start in text, never in numbers', () => {
    for (const payload of [
      '=1+2',
      '=HYPERLINK("http://x","y")',
      "=cmd|' /C calc'!A0",
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ])
      expect(csvCellText(payload, 'text')).toBe(`'${payload}`);
    expect(csvCellText('-2', 'phone')).toBe("'-2");
    expect(csvCellText(-2, 'number')).toBe('-2');
    expect(csvCellText('-2', 'number')).toBe('-2');
    expect(csvCellText(12.5, 'duration')).toBe('12.5');
    expect(csvCellText('=1+2', 'number')).toBe("'=1+2");
    expect(csvCellText(Number.NaN, 'number')).toBe('');
    expect(neutraliseFormula('张三')).toBe('张三');
    expect(csvCellText(null, 'text')).toBe('');
  });

  it('quotes records per RFC 4180 after encoding', () => {
    const columns = [
      { header: 'a', kind: 'phone' as const },
      { header: 'b', kind: 'text' as const },
      { header: 'c', kind: 'duration' as const },
    ];
    expect(csvRecord(['0219', '说"好", =x', 3.5], columns)).toBe('"=""0219""","说""好"", =x",3.5');
    expect(csvRecord(['x', '=1,2', null], columns)).toBe('x,"\'=1,2",');
  });

  it('reads its own text formulas back as the digits Excel shows', () => {
    expect(unwrapTextFormula('="02191248839"')).toBe('02191248839');
    expect(unwrapTextFormula('="+86138"')).toBe('+86138');
    expect(unwrapTextFormula('="a"')).toBe('="a"');
    expect(unwrapTextFormula('=1+2')).toBe('=1+2');
  });

  it('names files after the list or task and the date, safely', () => {
    const day = new Date(2026, 11, 2, 4, 10).getTime();
    expect(defaultFileName(['11月回访名单'], 'xlsx', day)).toBe('11月回访名单_2026-12-02.xlsx');
    expect(defaultFileName(['任务 A', '通话结果'], 'csv', day)).toBe('任务 A_通话结果_2026-12-02.csv');
    expect(defaultFileName(['a/b:c*?"<>|'], 'csv', day)).toBe('a_b_c_______2026-12-02.csv');
    expect(safeFileStem('CON')).toBe('_CON');
    expect(safeFileStem('name. ')).toBe('name');
    expect([...safeFileStem('名'.repeat(300))]).toHaveLength(100);
  });
});
