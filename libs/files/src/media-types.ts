/** Media types as `file-type` reports them from a file's content. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
} as const;

/** Extensions a stored file's name may already end with for each type; the first is the one added otherwise. */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  [MEDIA_TYPES.pdf]: ['pdf'],
  [MEDIA_TYPES.docx]: ['docx'],
  [MEDIA_TYPES.xlsx]: ['xlsx'],
  [MEDIA_TYPES.pptx]: ['pptx'],
  [MEDIA_TYPES.png]: ['png'],
  [MEDIA_TYPES.jpeg]: ['jpg', 'jpeg'],
  [MEDIA_TYPES.zip]: ['zip'],
};

/**
 * A file name safe to store and to put in a Content-Disposition header: the last path segment,
 * printable ASCII without quotes or separators, at most 255 characters, ending with an
 * extension that matches the detected type (so a PNG sent as `photo.pdf` is saved `photo.pdf.png`).
 */
export function safeFilename(original: string | undefined, mediaType: string, detectedExtension?: string): string {
  const lastSegment = (original ?? '').split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["';:*?<>|%\\/]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!name) name = 'file';
  const extensions = EXTENSIONS[mediaType] ?? (detectedExtension ? [detectedExtension] : []);
  const current = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const suffix = extensions.length > 0 && !extensions.includes(current) ? `.${extensions[0]}` : '';
  return name.slice(0, 255 - suffix.length) + suffix;
}

/** `attachment; filename="..."` with the already safe stored name. */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}
