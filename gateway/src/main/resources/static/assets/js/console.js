// What the console shells share until each console is built: the greeting under the heading and the cards naming
// what the console will hold. A console page that outgrows them simply stops importing this.
import { defineStrings } from './i18n.js';
import { tc } from './strings.js';
import { el, fill } from './dom.js';

const t = defineStrings('console', {
  id: {
    greeting: 'Selamat datang, {username}.',
    planned: 'Segera hadir',
    plannedTitle: 'Yang akan ada di konsol ini',
  },
  en: {
    greeting: 'Welcome, {username}.',
    planned: 'Coming soon',
    plannedTitle: 'What this console will hold',
  },
});

/** The line under the console's heading: who is signed in, and in which role. */
export function greet(me, extra = null) {
  fill(document.getElementById('console-greeting'),
    t('greeting', { username: me.username }), ' ',
    el('span', { class: 'tag' }, tc(`role.${me.role}`)),
    extra ? [' ', extra] : null);
}

/** Cards naming the console's parts to come: items are [title, description] pairs, already translated. */
export function plannedWork(container, items) {
  fill(container,
    el('h2', {}, t('plannedTitle')),
    el('div', { class: 'grid grid-2' }, items.map(([title, description]) => el('section', { class: 'card' },
      el('div', { class: 'card-head' }, el('h3', {}, title), el('span', { class: 'tag tag-gold' }, t('planned'))),
      el('p', { class: 'muted' }, description)))));
}
