// How figures and dates are written. Money is whole rupiah (API.md) and is written the Indonesian way in both
// languages, Rp 1.400.000.000, from its digits: no floating-point arithmetic touches an amount on its way to the
// page. Only ratios (a realization rate) and the abbreviations on chart axes are computed in floating point, for
// display.
import { language, locale } from './i18n.js';

const NBSP = '\u00a0';
const DASH = '—';

function digitsOf(amount) {
  if (typeof amount === 'bigint') {
    return amount.toString();
  }
  if (typeof amount === 'number' && Number.isSafeInteger(amount)) {
    return String(amount);
  }
  if (typeof amount === 'string' && /^-?\d+$/.test(amount)) {
    return amount;
  }
  return null;
}

function grouped(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * An amount in rupiah: 1400000000 → "Rp 1.400.000.000" (a no-break space after Rp, so it never wraps apart).
 * Takes a safe integer, a BigInt or a string of digits; anything else (a fraction, null) is written "—".
 */
export function rupiah(amount) {
  const digits = digitsOf(amount);
  if (digits === null) {
    return DASH;
  }
  const negative = digits.startsWith('-');
  return `${negative ? '-' : ''}Rp${NBSP}${grouped(negative ? digits.slice(1) : digits)}`;
}

const SHORT_UNITS = {
  id: [[1e12, 'T'], [1e9, 'M'], [1e6, 'jt'], [1e3, 'rb']],
  en: [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']],
};

/**
 * An amount abbreviated for a chart axis or a tight card: "Rp 1,4 M" (miliar), "Rp 6 jt" (juta), "Rp 20 rb" (ribu);
 * in English "Rp 1.4B", "Rp 6M", "Rp 20K". Not for tables: there every rupiah is written out.
 */
export function rupiahShort(amount) {
  const digits = digitsOf(amount);
  if (digits === null) {
    return DASH;
  }
  const value = Number(digits);
  const size = Math.abs(value);
  const lang = language();
  for (const [unit, suffix] of SHORT_UNITS[lang]) {
    if (size >= unit) {
      const scaled = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value / unit);
      return `Rp${NBSP}${scaled}${lang === 'id' ? NBSP : ''}${suffix}`;
    }
  }
  return rupiah(amount);
}

/** A count (villages, entries): 83762 → "83.762" in Indonesian, "83,762" in English. */
export function count(value) {
  return Number.isFinite(value) ? new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value) : DASH;
}

/**
 * A rate given as a fraction (the API's 0.875) as a percentage: "87,5 %" in Indonesian, "87.5%" in English.
 * null (nothing allocated) is "—".
 */
export function percent(rate, fractionDigits = 1) {
  if (rate === null || rate === undefined || !Number.isFinite(Number(rate))) {
    return DASH;
  }
  const text = new Intl.NumberFormat(locale(), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(Number(rate) * 100);
  return language() === 'id' ? `${text}${NBSP}%` : `${text}%`;
}

/** spent / allocated as a fraction for display, or null when nothing is allocated. */
export function rateOf(spent, allocated) {
  const a = Number(allocated);
  return a > 0 ? Number(spent) / a : null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date: "29 November 2026" (style "long", the default) or "29 Nov 2026" ("short"), in either language.
 * A YYYY-MM-DD date is a calendar day and is never shifted by time zones; an ISO instant is shown as the day it is
 * where the reader is.
 */
export function date(value, style = 'long') {
  if (!value) {
    return DASH;
  }
  const options = { day: 'numeric', month: style === 'short' ? 'short' : 'long', year: 'numeric' };
  const match = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (match) {
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }).format(day);
  }
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    return DASH;
  }
  return new Intl.DateTimeFormat(locale(), options).format(instant);
}

/** An instant (ISO-8601, UTC) in the reader's time zone: "29 Nov 2026 17.04 WIB". */
export function dateTime(value) {
  const instant = value instanceof Date ? value : new Date(value);
  if (!value || Number.isNaN(instant.getTime())) {
    return DASH;
  }
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(instant).replace(/(\d{4}),? /, '$1 ');
}

/** Today in the reader's time zone as YYYY-MM-DD (the API's dates). */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current fiscal year: Indonesia's fiscal year is the calendar year. */
export function currentFiscalYear() {
  return new Date().getFullYear();
}

/**
 * What someone typed as an amount, as whole rupiah: "1.400.000", "Rp 1.400.000", "1400000" and "1,400,000" are all
 * 1400000. A fraction ("1.400,50"), a group of other than three digits ("1,5"), a sign or anything beyond a safe
 * integer gives null, for the form to say so. Whether it is within the API's 1 to 10^13 is the form's rule.
 */
export function parseRupiah(text) {
  const cleaned = String(text ?? '').replace(/^\s*Rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned) && !/^\d{1,3}([.,]\d{3})+$/.test(cleaned)) {
    return null;
  }
  const value = Number(cleaned.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}
