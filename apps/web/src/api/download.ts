import { unwrap } from './errors';

/** Saves a response as a file the browser downloads (for downloads that need the session's token). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a download that needs the session's token and hands it to the browser as a file. */
export async function downloadBlob(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const result = await call;
  if (!result.response.ok) {
    await unwrap(Promise.resolve(result));
    return;
  }
  const disposition = result.response.headers.get('content-disposition') ?? '';
  saveBlob(result.data as Blob, /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName);
}
