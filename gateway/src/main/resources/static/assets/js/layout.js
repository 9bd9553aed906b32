// What every page has around its own content: the header (product, regency, navigation by role, language switch,
// who is signed in), the footer, the page title, and a page-level error box. A page module calls startPage() once.
import { language, LANGUAGES, onLanguageChange, setLanguage, t, translate } from './i18n.js';
import { tc } from './strings.js';
import { sitePath } from './api.js';
import { consoleOf, currentUser, requireRole, signOut, SIGN_IN_PAGE } from './session.js';
import { site } from './site.js';
import { el, fill } from './dom.js';
import { currentFiscalYear } from './format.js';

/**
 * Starts a page:
 *
 *   startPage({
 *     title: 'officer.title',             // key of the page's name, for <title> and the header's current link
 *     roles: ['FINANCE_OFFICER'],         // a console: who may see it (others are sent where they belong);
 *                                         // leave out for a public page
 *     render: async ({ me, main, site }) => { ... },   // draws the page's content; may be async
 *   });
 *
 * The page's HTML has <header class="site-header">, <main id="main"> and <footer class="site-footer">; this fills
 * the header and footer, translates every data-i18n element and draws them again when the language changes (the
 * page redraws its own dynamic content with onLanguageChange from i18n.js).
 */
export async function startPage({ title, roles = null, render = () => {} }) {
  setTitle(title);
  onLanguageChange(() => setTitle(title));
  let me;
  try {
    me = roles ? await requireRole(...roles) : await currentUser();
  } catch (error) {
    // A public page still works when the gateway cannot say who is signed in; a console does not.
    if (roles) {
      renderChrome(null, await site());
      showPageError(document.getElementById('main'), error);
      return;
    }
    me = null;
  }
  if (roles && !me) {
    return;
  }
  const settings = await site();
  renderChrome(me, settings);
  translate(document);
  const main = document.getElementById('main');
  try {
    await render({ me, main, site: settings });
  } catch (error) {
    console.error(error);
    showPageError(main, error);
  }
  document.body.classList.add('is-ready');
}

function setTitle(titleKey) {
  document.title = titleKey ? `${t(titleKey)} · ${tc('product')}` : tc('product');
}

function renderChrome(me, settings) {
  const header = document.querySelector('.site-header');
  const footer = document.querySelector('.site-footer');
  if (header) {
    fill(header, headerContent(me, settings));
    onLanguageChange(() => fill(header, headerContent(me, settings)));
  }
  if (footer) {
    fill(footer, footerContent(settings));
    onLanguageChange(() => fill(footer, footerContent(settings)));
  }
}

function headerContent(me, settings) {
  const here = location.pathname.replace(/^.*\//, '/');
  const link = (path, text) => el('a', {
    href: sitePath(path), 'aria-current': here === path || (path === '/' && here === '/index.html') ? 'page' : null,
  }, text);
  const items = [link('/', tc('nav.portal'))];
  if (me) {
    items.push(link(consoleOf(me.role), tc(`console.${me.role}`)));
  }
  const account = me
    ? el('div', { class: 'account' },
      el('span', { class: 'account-who' },
        el('span', { class: 'account-name' }, me.username),
        el('span', { class: 'account-role' }, tc(`role.${me.role}`))),
      el('button', { type: 'button', class: 'button button-quiet button-small', on: { click: signOut } },
        tc('nav.signOut')))
    : (here === SIGN_IN_PAGE ? null
      : el('a', { class: 'button button-small', href: sitePath(SIGN_IN_PAGE) }, tc('nav.signIn')));
  return el('div', { class: 'container header-inner' },
    el('a', { class: 'brand', href: sitePath('/') },
      el('img', { src: sitePath('/assets/img/emblem.svg'), alt: '', width: 44, height: 44 }),
      el('span', { class: 'brand-text' },
        el('span', { class: 'brand-name' }, tc('product')),
        settings.regencyName ? el('span', { class: 'brand-regency' }, settings.regencyName) : null)),
    el('div', { class: 'header-tools' }, languageSwitch(), account),
    el('nav', { class: 'site-nav', 'aria-label': tc('nav.label') },
      el('ul', {}, items.map((item) => el('li', {}, item)))));
}

function languageSwitch() {
  return el('div', { class: 'language-switch', role: 'group', 'aria-label': tc('language.label') },
    LANGUAGES.map((code) => el('button', {
      type: 'button',
      lang: code,
      'aria-pressed': String(code === language()),
      'aria-label': tc(`language.${code}`),
      title: tc(`language.${code}`),
      dataset: { language: code },
      on: {
        click: () => {
          setLanguage(code);
          // The header was drawn again: keep the keyboard where it was.
          document.querySelector(`.language-switch [data-language="${code}"]`)?.focus();
        },
      },
    }, code.toUpperCase())));
}

function footerContent(settings) {
  const year = currentFiscalYear();
  return el('div', { class: 'container footer-inner' },
    el('div', { class: 'footer-about' },
      el('p', { class: 'footer-brand' },
        el('img', { src: sitePath('/assets/img/emblem.svg'), alt: '', width: 28, height: 28 }),
        el('span', {}, tc('product'))),
      el('p', {}, tc('footer.about'))),
    el('ul', { class: 'footer-links' },
      el('li', {}, el('a', { href: sitePath('/') }, tc('nav.portal'))),
      el('li', {}, el('a', { href: sitePath(`/api/public/fiscal-data/${year}/datapackage.json`) },
        tc('footer.openData', { year })))),
    el('p', { class: 'footer-rights' },
      tc('footer.rights', { year, regency: settings.regencyName || tc('product') })));
}

/**
 * A box in place of content that could not be loaded, with the reason (an ApiError's message) and a button that
 * loads the page again. For errors of a form, see forms.js.
 */
export function showPageError(container, error, { retry = () => location.reload() } = {}) {
  const box = el('div', { class: 'alert alert-error page-error', role: 'alert' },
    el('p', { class: 'alert-title' }, tc('error.title')),
    el('p', {}, error?.name === 'ApiError' ? error.message : tc('error.unexpected')),
    error?.detail ? el('p', { class: 'alert-detail' }, error.detail) : null,
    el('button', { type: 'button', class: 'button button-small', on: { click: retry } }, tc('retry')));
  container.prepend(box);
  return box;
}
