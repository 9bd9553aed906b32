// Who is signed in, and where each role works. The token comes from POST /api/auth/token and stays in this tab's
// sessionStorage (api.js); GET /api/auth/me says whose it is.
import { api, ApiError, forgetSession, SESSION_PREFIX, sitePath, storeToken, token } from './api.js';

const ME_KEY = `${SESSION_PREFIX}me`;

/** Each role's console page. The pages a role may open are its console and the public ones. */
export const CONSOLES = Object.freeze({
  ADMIN: '/admin.html',
  FINANCE_OFFICER: '/officer.html',
  VILLAGE_HEAD: '/village-head.html',
  AUDITOR: '/auditor.html',
});

export const SIGN_IN_PAGE = '/sign-in.html';

/** The console of a role, as a path ("/officer.html"). */
export function consoleOf(role) {
  return CONSOLES[role] ?? '/';
}

/**
 * Signs in and returns {username, role, villageCode}. A wrong username or password is an ApiError with status 401
 * (the caller says so on the form; nothing is redirected), a locked username 429 with retryAfter.
 */
export async function signIn(username, password) {
  forgetSession();
  const answer = await api('/api/auth/token', {
    method: 'POST', body: { username, password }, anonymous: true, redirectOn401: false,
  });
  storeToken(answer.access_token, answer.expires_in);
  return loadMe();
}

async function loadMe() {
  const me = await api('/api/auth/me', { redirectOn401: false });
  sessionStorage.setItem(ME_KEY, JSON.stringify(me));
  return me;
}

/** Who is signed in in this tab ({username, role, villageCode}), or null; asks the gateway once per session. */
export async function currentUser() {
  if (!token()) {
    forgetSession();
    return null;
  }
  try {
    const kept = sessionStorage.getItem(ME_KEY);
    if (kept) {
      return JSON.parse(kept);
    }
  } catch {
    // Read again below.
  }
  try {
    return await loadMe();
  } catch (error) {
    // A token the gateway no longer takes (a new password, a disabled account): no session. A public page goes on
    // without one; a console sends the reader to sign in.
    if (error instanceof ApiError && error.status === 401) {
      forgetSession();
      return null;
    }
    throw error;
  }
}

/**
 * For a console page: the signed-in user if their role is one of roles. Without a session, off to the sign-in page
 * (which comes back here afterwards); with another role, off to that role's own console. Returns null when it
 * leaves the page, so the caller stops.
 */
export async function requireRole(...roles) {
  const me = await currentUser();
  if (!me) {
    const back = location.pathname + location.search;
    location.replace(sitePath(`${SIGN_IN_PAGE}?next=${encodeURIComponent(back)}`));
    return null;
  }
  if (!roles.includes(me.role)) {
    location.replace(sitePath(consoleOf(me.role)));
    return null;
  }
  return me;
}

/** Ends the session in this tab and shows the sign-in page with a note that it happened. */
export function signOut() {
  forgetSession();
  location.assign(sitePath(`${SIGN_IN_PAGE}?signedOut=1`));
}

/**
 * Where to go after signing in: the page that sent the reader to sign in, if it is one of this site's pages that
 * the role may open, else the role's console.
 */
export function landingFor(me, next) {
  const own = consoleOf(me.role);
  if (typeof next === 'string' && /^\/[\w-]*(\.html)?(\?[^#]*)?$/.test(next)) {
    const path = next.split('?')[0];
    const anotherConsole = Object.values(CONSOLES).includes(path) && path !== own;
    if (path !== SIGN_IN_PAGE && !anotherConsole) {
      return next;
    }
  }
  return own;
}
