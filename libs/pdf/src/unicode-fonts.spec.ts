import PDFDocument from 'pdfkit';
import { NAMES_IN_ANY_SCRIPT, namesMissing, pdfText } from '../../../test/support/pdf-text';
import { scriptRuns, setFont, unicodeText, useUnicodeFonts } from './unicode-fonts';

async function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = useUnicodeFonts(new PDFDocument({ size: 'A4' }));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  draw(doc);
  doc.end();
  return pdfText(await done);
}

describe('unicode fonts', () => {
  it('split text into runs of one script, Arabic words in visual order', () => {
    expect(scriptRuns('Nguyễn Văn An')).toEqual([{ script: 'latin', text: 'Nguyễn Văn An' }]);
    expect(scriptRuns('Li 王小明')).toEqual([
      { script: 'latin', text: 'Li ' },
      { script: 'cjk', text: '王小明' },
    ]);
    expect(scriptRuns('فاطمة الزهراء')).toEqual([{ script: 'arabic', text: 'الزهراء فاطمة' }]);
    expect(scriptRuns('(王)')[0].script).toBe('cjk');
  });

  it('print names in any script, and they come back out of the PDF', async () => {
    const text = await render((doc) => {
      setFont(doc, 'bold');
      for (const name of NAMES_IN_ANY_SCRIPT) unicodeText(doc, name, { align: 'center' });
      setFont(doc, 'regular');
      unicodeText(doc, 'Participant: 王小明 (Li)');
    });
    expect(namesMissing(text)).toEqual([]);
    expect(text).toContain('Nguyễn Thị Minh Khai');
    expect(text).not.toContain('?');
  });
});
