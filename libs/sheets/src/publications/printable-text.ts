/** The characters beyond Latin-1 that WinAnsi, the encoding of PDF's built-in fonts, still has. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function printable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Text the built-in Helvetica can draw: accents of Western European languages stay, a letter with
 * another accent loses it (ő → o), anything else becomes "?" instead of the garbage pdfkit would draw.
 */
export function printableText(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')) {
    if (printable(char)) {
      result += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    result += base.length > 0 && [...base].every(printable) ? base : '?';
  }
  return result;
}
