// Indonesian first, English on request. Each page module registers its own strings with defineStrings(), so adding a
// page never means editing a shared dictionary; strings every page uses are in strings.js (namespace "common").

const STORAGE_KEY = 'desa.language';
export const LANGUAGES = Object.freeze(['id', 'en']);
export const DEFAULT_LANGUAGE = 'id';
// Intl locales per language: en-GB writes dates day first ("29 November 2026"), as Indonesian does.
const LOCALES = Object.freeze({ id: 'id-ID', en: 'en-GB' });

const dictionaries = { id: new Map(), en: new Map() };
const listeners = new Set();
let current = stored();
document.documentElement.lang = current;

function stored() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be switched off (private windows, strict settings): the page still works, in Indonesian.
    return DEFAULT_LANGUAGE;
  }
}

/** The language in use: "id" or "en". */
export function language() {
  return current;
}

/** The Intl locale of the language in use ("id-ID" or "en-GB"). */
export function locale() {
  return LOCALES[current];
}

/** Switches language, remembers it for later visits, translates the page and tells every listener. */
export function setLanguage(next) {
  if (!LANGUAGES.includes(next) || next === current) {
    return;
  }
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but switched for this page.
  }
  document.documentElement.lang = next;
  translate(document);
  listeners.forEach((listener) => listener(next));
}

/** Calls listener(language) after every switch; returns a function that stops it. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Registers a page's (or a component's) strings under a namespace and returns its translate function:
 *
 *   const t = defineStrings('officer', { id: { title: 'Konsol Petugas' }, en: { title: 'Officer console' } });
 *   t('title')            // the key is officer.title, also usable as data-i18n="officer.title"
 *
 * Nested objects give dotted keys ({ nav: { home: '...' } } is "nav.home"). A key with no English falls back to
 * Indonesian, and is reported once in the console so the page's author sees it.
 */
export function defineStrings(namespace, { id = {}, en = {} }) {
  register(namespace, 'id', id);
  register(namespace, 'en', en);
  for (const key of flatten(namespace, id).keys()) {
    if (!dictionaries.en.has(key)) {
      console.warn(`i18n: "${key}" has no English text`);
    }
  }
  return (key, params) => t(`${namespace}.${key}`, params);
}

function register(namespace, lang, strings) {
  for (const [key, text] of flatten(namespace, strings)) {
    const known = dictionaries[lang].get(key);
    if (known !== undefined && known !== text) {
      console.warn(`i18n: "${key}" (${lang}) registered twice with different texts`);
    }
    dictionaries[lang].set(key, text);
  }
}

function flatten(prefix, strings, into = new Map()) {
  for (const [key, value] of Object.entries(strings)) {
    const path = `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') {
      flatten(path, value, into);
    } else {
      into.set(path, String(value));
    }
  }
  return into;
}

/**
 * The text of a full key ("common.nav.portal") in the language in use, with {name} placeholders filled from params.
 * An unknown key is returned as itself, so a missing string shows on the page instead of nothing.
 */
export function t(key, params) {
  const text = dictionaries[current].get(key) ?? dictionaries[DEFAULT_LANGUAGE].get(key);
  if (text === undefined) {
    console.warn(`i18n: no string "${key}"`);
    return key;
  }
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Whether a key is registered (in Indonesian, which every key has). */
export function has(key) {
  return dictionaries[DEFAULT_LANGUAGE].has(key);
}

/**
 * Fills the static text of the page from its keys:
 *   <h1 data-i18n="signIn.title"></h1>                           text content
 *   <input data-i18n-attr="placeholder:portal.searchHint">       attributes, several separated by ";"
 */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) {
        element.setAttribute(attribute, t(key));
      }
    }
  });
}
