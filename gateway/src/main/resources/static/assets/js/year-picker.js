// The fiscal-year picker of the public pages (the portal and a village's page): the next year (programs are
// prepared ahead) back to five before the current one, plus the year asked for in the address if it is elsewhere.
// The page's figures change as soon as a year is picked; the year is kept in the address (?fiscalYear=).
import { currentFiscalYear } from './format.js';
import { el, fill } from './dom.js';

const YEARS_BACK = 5;

/** The year in the address (?fiscalYear=), or null when none or not a plausible year. */
export function requestedYear() {
  const value = Number(new URLSearchParams(location.search).get('fiscalYear'));
  return Number.isInteger(value) && value >= 2000 && value <= 2100 ? value : null;
}

/**
 * Fills the <select> with the years, selects year, and calls onPick(newYear) after the address was updated. The
 * select's form must not reload the page on Enter, so its submit is stopped.
 */
export function yearPicker(select, year, onPick) {
  const current = currentFiscalYear();
  const years = [];
  for (let y = current + 1; y >= current - YEARS_BACK; y--) {
    years.push(y);
  }
  if (!years.includes(year)) {
    years.push(year);
    years.sort((a, b) => b - a);
  }
  fill(select, years.map((y) => el('option', { value: y, selected: y === year }, y)));
  select.addEventListener('change', () => {
    const picked = Number(select.value);
    const url = new URL(location.href);
    url.searchParams.set('fiscalYear', String(picked));
    history.replaceState(null, '', url);
    onPick(picked);
  });
  select.form?.addEventListener('submit', (event) => event.preventDefault());
}
