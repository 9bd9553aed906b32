// Calls to the API from the pages: same origin, JSON in and out, the bearer token of the session, errors
// (application/problem+json, RFC 9457) turned into ApiError with a message in the reader's language.
import { t } from './i18n.js';
import './strings.js';

/** Everything of a session in sessionStorage starts with this, so that ending it forgets it all. */
export const SESSION_PREFIX = 'desa.session.';
const TOKEN_KEY = `${SESSION_PREFIX}token`;
const TOKEN_EXPIRES_KEY = `${SESSION_PREFIX}expiresAt`;
/** A request that has not answered by then fails with a message instead of leaving a spinner forever. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** The site's root, from this file's own place (assets/js/), so the pages also work below a path prefix. */
const ROOT = new URL('../../', import.meta.url);

/** A page's URL on this site: sitePath('/sign-in.html'). */
export function sitePath(path) {
  return new URL(path.replace(/^\//, ''), ROOT).href;
}

/** The token of this browser tab's session, or null. Kept in sessionStorage: closing the tab signs out. */
export function token() {
  try {
    const value = sessionStorage.getItem(TOKEN_KEY);
    const expiresAt = Number(sessionStorage.getItem(TOKEN_EXPIRES_KEY));
    if (value && expiresAt > Date.now()) {
      return value;
    }
  } catch {
    // No storage, no session.
  }
  return null;
}

export function storeToken(accessToken, expiresInSeconds) {
  sessionStorage.setItem(TOKEN_KEY, accessToken);
  sessionStorage.setItem(TOKEN_EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000));
}

/** Forgets the token and whatever else the session kept (session.js keeps who is signed in). */
export function forgetSession() {
  try {
    Object.keys(sessionStorage).filter((key) => key.startsWith(SESSION_PREFIX))
      .forEach((key) => sessionStorage.removeItem(key));
  } catch {
    // Nothing kept.
  }
}

/**
 * An answer that is not a success, or no answer. status is 0 without one (network, timeout). message is what to
 * show a person; fieldErrors are the problem's errors[] ({field, message}); detail is the server's own words.
 */
export class ApiError extends Error {
  constructor({ status, type = null, title = null, detail = null, fieldErrors = [], retryAfter = null, message }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.retryAfter = retryAfter;
  }

  /** The last part of the problem's type, e.g. "sign-in-locked" of urn:desa-digital:problem:sign-in-locked. */
  get slug() {
    return this.type ? this.type.split(':').pop() : null;
  }
}

/** A new Idempotency-Key: one per form submission, reused for its retries (see forms.js). */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

/**
 * Calls the API and returns the parsed JSON answer (null for an empty one).
 *
 *   await api('/api/budget/programs?fiscalYear=2026')
 *   await api('/api/budget/programs', { method: 'POST', body: {...}, idempotencyKey })
 *
 * options: method, body (sent as JSON), idempotencyKey (the header for ledger POSTs), accept, timeoutMs,
 * anonymous (send no token), redirectOn401 (default true: a 401 forgets the session and goes to the sign-in page,
 * which brings the reader back here afterwards).
 */
export async function api(path, options = {}) {
  const response = await send(path, options);
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Like api(), for a download (CSV): the answer as a Blob. */
export async function apiBlob(path, options = {}) {
  const response = await send(path, options);
  return response.blob();
}

async function send(path, {
  method = 'GET', body, idempotencyKey, accept = 'application/json, application/problem+json',
  timeoutMs = DEFAULT_TIMEOUT_MS, anonymous = false, redirectOn401 = true,
} = {}) {
  const headers = { Accept: accept };
  const bearer = anonymous ? null : token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  let response;
  try {
    response = await fetch(sitePath(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause && cause.name === 'TimeoutError';
    throw new ApiError({ status: 0, message: t(timedOut ? 'common.error.timeout' : 'common.error.network') });
  }
  if (response.ok) {
    return response;
  }
  const error = await problemOf(response);
  if (response.status === 401 && redirectOn401 && bearer) {
    forgetSession();
    const back = location.pathname + location.search;
    location.assign(sitePath(`/sign-in.html?expired=1&next=${encodeURIComponent(back)}`));
  }
  throw error;
}

async function problemOf(response) {
  let problem = {};
  try {
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json();
    }
  } catch {
    // A body that is not JSON (a proxy's HTML page) says nothing more than the status.
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  const fieldErrors = Array.isArray(problem.errors)
    ? problem.errors.filter((error) => error && error.field).map(({ field, message }) => ({ field, message }))
    : [];
  return new ApiError({
    status: response.status,
    type: problem.type ?? null,
    title: problem.title ?? null,
    detail: problem.detail ?? null,
    fieldErrors,
    retryAfter,
    message: messageFor(response.status, problem.type, retryAfter),
  });
}

function messageFor(status, type, retryAfter) {
  const seconds = retryAfter ?? 1;
  if (type && type.endsWith(':sign-in-locked')) {
    return t('common.error.signInLocked', { seconds });
  }
  const key = `common.error.status.${status}`;
  const known = [400, 401, 403, 404, 409, 413, 422, 429, 503].includes(status);
  return known ? t(key, { seconds }) : t('common.error.status.other', { status });
}
