// Downloads from the API as files: fetched with the session's token (never put in a URL), then saved through a Blob
// and an <a download>, as a browser saves any file.
import { apiBlob } from './api.js';

/**
 * Fetches path (with the token, and the given Accept) and saves the answer as filename. Returns the Blob, so that a
 * page can say how large it was. Errors are apiBlob's ApiError.
 */
export async function downloadFile(path, filename, { accept = 'application/octet-stream' } = {}) {
  const blob = await apiBlob(path, { accept, timeoutMs: 120_000 });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task ran; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
