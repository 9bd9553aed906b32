// The deployment's settings the pages show (GET /site.json, from the gateway's desa.web.* settings): the regency's
// name and code. Kept for the tab's life so that each page's header is drawn at once.
import { sitePath } from './api.js';

const KEY = 'desa.site';
const FALLBACK = Object.freeze({ regencyName: '', regencyCode: '' });

export async function site() {
  try {
    const kept = sessionStorage.getItem(KEY);
    if (kept) {
      return JSON.parse(kept);
    }
  } catch {
    // Asked again below.
  }
  try {
    const response = await fetch(sitePath('/site.json'), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return FALLBACK;
    }
    const settings = { ...FALLBACK, ...(await response.json()) };
    try {
      sessionStorage.setItem(KEY, JSON.stringify(settings));
    } catch {
      // Asked again on the next page.
    }
    return settings;
  } catch {
    // The header goes without the regency's name rather than the page failing.
    return FALLBACK;
  }
}
