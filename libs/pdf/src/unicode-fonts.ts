import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Unicode fonts for every PDF the product makes. PDF's built-in fonts (Helvetica, ...) cover
 * Latin-1 only, so "Nguyễn", "Şahin", Arabic or Chinese names came out as "?". These are
 * embedded (and subset by pdfkit) instead, from npm font packages of the Noto family:
 * Noto Sans (Latin, Vietnamese, Greek, Cyrillic), Noto Naskh Arabic, and Noto Sans Hans
 * (Chinese, Japanese kana). Text is split into runs by script, each drawn with the font that has
 * its glyphs; an Arabic run is laid out right to left.
 */
export type FontStyle = 'regular' | 'bold' | 'italic';

type Script = 'latin' | 'arabic' | 'cjk';

const FILES: Record<Script, { pkg: string; regular: string; bold: string; italic: string }> = {
  latin: { pkg: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf', italic: 'NotoSans-Italic.ttf' },
  arabic: { pkg: '@embedpdf/fonts-arabic', regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf', italic: 'NotoNaskhArabic-Regular.ttf' },
  cjk: { pkg: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf', italic: 'NotoSansHans-Regular.otf' },
};

/**
 * Layout features per script. Noto Sans's `ccmp` splits a precomposed Vietnamese letter (ị) into
 * its base and a combining mark, and pdfkit's ToUnicode map then gives every plain "i" of the
 * document the composed letter back: without ccmp the font's precomposed glyph is used.
 */
const FEATURES: Record<Script, Record<string, boolean> | undefined> = { latin: { ccmp: false }, arabic: undefined, cjk: undefined };

/** The font name a document registers for a script and style, e.g. `latin-bold`. */
const fontName = (script: Script, style: FontStyle) => `${script}-${style}`;

const cache = new Map<string, Buffer>();

/** A font file's bytes, read once per process (the CJK font, 8 MB, only once a text needs it). */
function fontFile(script: Script, style: FontStyle): Buffer {
  const { pkg, [style]: file } = FILES[script];
  // The package's entry is dist/index.cjs; its fonts are in fonts/ beside dist/.
  const path = join(dirname(require.resolve(pkg)), '..', 'fonts', file);
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    cache.set(path, bytes);
  }
  return bytes;
}

const ARABIC = /[\p{Script=Arabic}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const NEUTRAL = /[\s\p{P}\p{N}\p{S}]/u;
const ALL_NEUTRAL = /^[\s\p{P}\p{N}\p{S}]*$/u;

function scriptOf(char: string): Script | null {
  if (ARABIC.test(char)) return 'arabic';
  if (CJK.test(char)) return 'cjk';
  if (NEUTRAL.test(char)) return null;
  return 'latin';
}

export interface TextRun {
  script: Script;
  text: string;
}

/**
 * The runs of one script each that make up `text`; spaces, digits and punctuation stay in the
 * run they are in. Arabic runs come in visual order (their words reversed), because pdfkit lays
 * words out left to right and shapes each word right to left.
 */
export function scriptRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text.normalize('NFC')) {
    const script = scriptOf(char);
    const last = runs[runs.length - 1];
    if (last && (script === null || script === last.script)) last.text += char;
    else if (!last) runs.push({ script: script ?? 'latin', text: char });
    else if (ALL_NEUTRAL.test(last.text)) {
      // Leading punctuation takes the script of the first letter after it.
      last.script = script!;
      last.text += char;
    } else runs.push({ script: script!, text: char });
  }
  return runs.map((run) => (run.script === 'arabic' ? { ...run, text: visualArabic(run.text) } : run));
}

/** Words of an Arabic run in visual (left to right) order, the spaces around them kept. */
function visualArabic(text: string): string {
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const words = text.trim().split(/(\s+)/);
  return lead + words.reverse().join('') + trail;
}

const styleOf = new WeakMap<PDFKit.PDFDocument, FontStyle>();
const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Selects a script's font in a style, registering it on the document the first time. */
function selectFont(doc: PDFKit.PDFDocument, script: Script, style: FontStyle): PDFKit.PDFDocument {
  const name = fontName(script, style);
  let names = registered.get(doc);
  if (!names) registered.set(doc, (names = new Set()));
  if (!names.has(name)) {
    doc.registerFont(name, fontFile(script, style));
    names.add(name);
  }
  return doc.font(name);
}

/** Sets a new document up for Unicode text: the regular style of the Latin font selected. */
export function useUnicodeFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  return setFont(doc, 'regular');
}

/** Selects a style (its Latin font) for the text that follows; unicodeText falls back to the other scripts' fonts in it. */
export function setFont(doc: PDFKit.PDFDocument, style: FontStyle): PDFKit.PDFDocument {
  styleOf.set(doc, style);
  return selectFont(doc, 'latin', style);
}

/** Beyond Latin-1: only such text needs the features above (pdfkit caches the layout of text without features, which is most). */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

function withFeatures(options: PDFKit.Mixins.TextOptions, script: Script, text: string): PDFKit.Mixins.TextOptions {
  const features = BEYOND_LATIN1.test(text) ? FEATURES[script] : undefined;
  // A fresh object each time: fontkit fills the defaults into the one it is given.
  return features ? { ...options, features: { ...features } as unknown as PDFKit.Mixins.TextOptions['features'] } : options;
}

/**
 * `doc.text(text, x, y, options)` for text in any script: each run of the text is drawn with its
 * script's font in the current style (see setFont). A text of one line is aligned as asked; a
 * longer one of several scripts wraps as one left-aligned paragraph.
 */
export function unicodeText(
  doc: PDFKit.PDFDocument,
  text: string,
  x?: number | PDFKit.Mixins.TextOptions,
  y?: number,
  options?: PDFKit.Mixins.TextOptions,
): PDFKit.PDFDocument {
  const style = styleOf.get(doc) ?? 'regular';
  const opts = typeof x === 'object' ? x : (options ?? {});
  const position = (typeof x === 'number' ? [x, y] : []) as [number, number];
  const runs = scriptRuns(text);
  if (runs.length <= 1) {
    const script = runs[0]?.script ?? 'latin';
    selectFont(doc, script, style);
    doc.text(runs[0]?.text ?? text, ...position, withFeatures(opts, script, text));
    return selectFont(doc, 'latin', style);
  }
  const widths = runs.map((run) => selectFont(doc, run.script, style).widthOfString(run.text, withFeatures(opts, run.script, run.text)));
  const total = widths.reduce((sum, width) => sum + width, 0);
  const left = typeof x === 'number' ? x : doc.x;
  const top = typeof x === 'number' && y !== undefined ? y : doc.y;
  const available = opts.width ?? doc.page.width - doc.page.margins.right - left;
  // pdfkit keeps a line wrapper while a `continued` text goes on: then this text continues that line.
  const continuing = (doc as unknown as { _wrapper?: unknown })._wrapper != null;
  if (total <= available && !opts.continued && !continuing) {
    // One line (a name, a title, a table cell): each run placed where it falls, the line aligned as asked.
    const offset = opts.align === 'center' ? (available - total) / 2 : opts.align === 'right' ? available - total : 0;
    let at = left + offset;
    let height = 0;
    runs.forEach((run, index) => {
      selectFont(doc, run.script, style);
      height = Math.max(height, doc.currentLineHeight(true));
      doc.text(run.text, at, top, withFeatures({ ...opts, width: undefined, align: 'left', lineBreak: false }, run.script, run.text));
      at += widths[index];
    });
    doc.x = left;
    doc.y = top + height + (opts.lineGap ?? 0);
  } else {
    // Longer text wraps as one paragraph, its runs continued (pdfkit aligns continued runs only to the left).
    runs.forEach((run, index) => {
      selectFont(doc, run.script, style);
      const last = index === runs.length - 1;
      const runOptions = withFeatures({ ...opts, align: 'left', continued: last ? opts.continued : true }, run.script, run.text);
      if (index === 0) doc.text(run.text, ...position, runOptions);
      else doc.text(run.text, runOptions);
    });
  }
  return selectFont(doc, 'latin', style);
}
