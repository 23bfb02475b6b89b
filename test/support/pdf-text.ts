import { dirname, join } from 'node:path';

/** The text of a PDF, every page merged, as a reader's copy and paste would get it (unpdf, PDF.js). */
export async function pdfText(content: Buffer | Uint8Array): Promise<string> {
  const { definePDFJSModule, extractText, getDocumentProxy } = await import('unpdf');
  // unpdf loads its PDF.js bundle with a dynamic import, which Jest's module sandbox refuses: hand it over instead.
  await definePDFJSModule(async () => require(join(dirname(require.resolve('unpdf')), 'pdfjs.mjs')));
  const pdf = await getDocumentProxy(new Uint8Array(content));
  return (await extractText(pdf, { mergePages: true })).text;
}

/** Names in the scripts officials write them in; pdfkit's built-in fonts turned each into "?". */
export const NAMES_IN_ANY_SCRIPT = ['Nguyễn Thị Minh Khai', 'Ayşe Şahin', 'فاطمة الزهراء', '王小明'] as const;

/**
 * The names of NAMES_IN_ANY_SCRIPT that a PDF's text lacks. PDF.js drops the space between two
 * Arabic words when it reads a line back (it is drawn), so the comparison ignores white space.
 */
export function namesMissing(text: string, names: readonly string[] = NAMES_IN_ANY_SCRIPT): string[] {
  const squash = (value: string) => value.replace(/\s+/g, '');
  return names.filter((name) => !squash(text).includes(squash(name)));
}
