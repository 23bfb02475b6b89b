import { printableText } from './printable-text';

describe('printableText', () => {
  it('keeps the Latin-1 and WinAnsi characters the built-in fonts draw', () => {
    expect(printableText('Maîtriser — “Año” Œuvre €5 • ñ')).toBe('Maîtriser — “Año” Œuvre €5 • ñ');
  });

  it('composes decomposed accents, drops accents Helvetica lacks and replaces what it cannot draw', () => {
    expect(printableText('Cafe\u0301')).toBe('Café');
    expect(printableText('Erdős Łódź')).toBe('Erdos ?ódz');
    expect(printableText('中文 😀')).toBe('?? ?');
  });

  it('keeps line breaks and turns tabs into spaces', () => {
    expect(printableText('one\r\ntwo\tthree\rfour')).toBe('one\ntwo three\nfour');
  });
});
