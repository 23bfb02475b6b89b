import { DomainException } from '@trta/http';
import { csvText, IMPORT_COLUMNS, readImportCsv, rowToBody } from './activity-csv';

const HEADER = IMPORT_COLUMNS.join(',');

describe('activity import CSV', () => {
  it('reads rows by header name, numbering them as a spreadsheet does', () => {
    const text = `${HEADER}\nGEN,"A, quoted",global,online,,en|fr,sps,ITTC,,,,,,,,20,,,1.00,,,,\n\nGEN,B,global\n`;
    const { rows, problems } = readImportCsv(text);
    expect(rows).toEqual([
      {
        row: 2,
        values: { productCode: 'GEN', title: 'A, quoted', type: 'global', deliveryMode: 'online', languages: 'en|fr', topics: 'sps', leadDivision: 'ITTC', capacity: '20', budgetPlanned: '1.00' },
      },
    ]);
    expect(problems).toEqual([{ row: 4, field: null, problem: `the row has 3 values where the header has ${IMPORT_COLUMNS.length} columns` }]);
  });

  it('turns cells into the JSON body of POST /api/activities', () => {
    expect(rowToBody({ productCode: 'GEN', languages: 'en| fr |', capacity: '25', plsLevel: 'two', requiresNomination: 'Yes', budgetPlanned: '1.50' })).toEqual({
      languages: ['en', 'fr'],
      capacity: 25,
      plsLevel: 'two',
      requiresNomination: true,
      budgetPlanned: '1.50',
    });
    expect(rowToBody({ requiresNomination: 'no', topics: '' })).toEqual({ requiresNomination: false, topics: [] });
  });

  it('refuses bad headers and empty files', () => {
    expect(() => readImportCsv('')).toThrow(DomainException);
    expect(() => readImportCsv(`${HEADER}\n`)).toThrow(/no activity rows/);
    expect(() => readImportCsv(`${HEADER},type\nx\n`)).toThrow(/repeats the columns: type/);
    expect(() => readImportCsv('productCode\nGEN\n')).toThrow(/lacks the required columns: title/);
  });

  it('refuses content that is not CSV text', () => {
    expect(csvText(Buffer.from('\uFEFFa,b'), 'text/csv; charset=utf-8', 'x.csv')).toBe('a,b');
    expect(() => csvText(Buffer.from('a,b'), 'image/png', 'x.png')).toThrow(/must be CSV/);
    expect(() => csvText(Buffer.from([0x61, 0x00, 0x62]), 'text/csv', 'x.csv')).toThrow(/binary/);
    expect(() => csvText(Buffer.from([0xff, 0xfe, 0x61]), 'text/csv', 'x.csv')).toThrow(/not UTF-8/);
  });
});
