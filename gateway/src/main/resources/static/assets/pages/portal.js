// The public portal at /: the realization of a fiscal year (the current one unless another is picked), from
// GET /api/public/realization, which needs no token and names nobody.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage, showPageError } from '../js/layout.js';
import { api, sitePath } from '../js/api.js';
import { count, currentFiscalYear, date, percent, rateOf, rupiah, rupiahShort, today } from '../js/format.js';
import { el, fill } from '../js/dom.js';
import { drawChart, horizontalBars } from '../js/charts.js';

const t = defineStrings('portal', {
  id: {
    title: 'Portal publik',
    eyebrow: 'Portal transparansi anggaran',
    heading: 'Realisasi dana digitalisasi desa',
    lead: '{regency} · Tahun anggaran {year}',
    leadAll: 'Seluruh wilayah · Tahun anggaran {year}',
    totalsLabel: 'Ringkasan tahun anggaran',
    districts: 'untuk {count} kecamatan',
    remaining: 'Sisa {amount}',
    chartTitle: 'Realisasi per kecamatan',
    chartNote: 'Dialokasikan dan terealisasi',
    chartLabel: 'Grafik batang dana dialokasikan dan terealisasi per kecamatan, tahun anggaran {year}. Angkanya ada di tabel rincian.',
    tableTitle: 'Rincian per kecamatan',
    tableCaption: 'Dana dialokasikan dan terealisasi per kecamatan, tahun anggaran {year}',
    district: 'Kecamatan',
    total: 'Jumlah',
    unnamed: 'Kecamatan {code}',
    empty: 'Belum ada dana yang dialokasikan untuk tahun anggaran {year}.',
    asOf: 'Data per {date}. Angka publik diperbarui paling lambat satu menit setelah pencatatan.',
    download: 'Unduh data terbuka (CSV)',
    loaded: 'Data tahun anggaran {year} dimuat.',
  },
  en: {
    title: 'Public portal',
    eyebrow: 'Budget transparency portal',
    heading: 'Village digitalization funds: realization',
    lead: '{regency} · Fiscal year {year}',
    leadAll: 'All areas · Fiscal year {year}',
    totalsLabel: 'Fiscal year summary',
    districts: 'to {count} districts',
    remaining: '{amount} remaining',
    chartTitle: 'Realization by district',
    chartNote: 'Allocated and spent',
    chartLabel: 'Bar chart of funds allocated and spent per district, fiscal year {year}. The figures are in the table below.',
    tableTitle: 'By district',
    tableCaption: 'Funds allocated and spent per district, fiscal year {year}',
    district: 'District',
    total: 'Total',
    unnamed: 'District {code}',
    empty: 'No funds have been allocated for fiscal year {year} yet.',
    asOf: 'Figures as of {date}. Public figures follow the ledger within a minute.',
    download: 'Download open data (CSV)',
    loaded: 'Figures for fiscal year {year} loaded.',
  },
});

/** Years offered: the next one (programs are prepared ahead) back to this many before the current one. */
const YEARS_BACK = 5;

let settings;
let year;
let rows = [];

startPage({
  title: 'portal.title',
  render: async ({ site }) => {
    settings = site;
    year = requestedYear() ?? currentFiscalYear();
    yearPicker();
    onLanguageChange(draw);
    await load();
  },
});

function requestedYear() {
  const value = Number(new URLSearchParams(location.search).get('fiscalYear'));
  return Number.isInteger(value) && value >= 2000 && value <= 2100 ? value : null;
}

function yearPicker() {
  const select = document.getElementById('fiscal-year');
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
  select.addEventListener('change', async () => {
    year = Number(select.value);
    const url = new URL(location.href);
    url.searchParams.set('fiscalYear', String(year));
    history.replaceState(null, '', url);
    await load();
  });
  // No submit button: the figures change as soon as a year is picked; Enter must not reload the page.
  document.getElementById('year-form').addEventListener('submit', (event) => event.preventDefault());
}

async function load() {
  const main = document.getElementById('main');
  main.querySelector('.page-error')?.remove();
  main.setAttribute('aria-busy', 'true');
  try {
    const area = settings.regencyCode ? `&regencyCode=${encodeURIComponent(settings.regencyCode)}` : '';
    rows = await api(`/api/public/realization?fiscalYear=${year}&groupBy=district${area}`, { anonymous: true });
    draw();
    document.getElementById('portal-status').textContent = t('loaded', { year });
  } catch (error) {
    rows = [];
    draw();
    showPageError(document.querySelector('#main > .container'), error, { retry: load });
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function totals() {
  // BigInt: sums of whole rupiah stay exact however large the regency or the country.
  const allocated = rows.reduce((sum, row) => sum + BigInt(row.allocated), 0n);
  const spent = rows.reduce((sum, row) => sum + BigInt(row.spent), 0n);
  return { allocated, spent, remaining: allocated - spent, rate: rateOf(spent, allocated) };
}

function draw() {
  document.getElementById('portal-lead').textContent = settings.regencyName
    ? t('lead', { regency: settings.regencyName, year }) : t('leadAll', { year });
  const sum = totals();
  document.getElementById('total-allocated').textContent = rupiah(sum.allocated);
  document.getElementById('total-allocated-note').textContent = t('districts', { count: count(rows.length) });
  document.getElementById('total-spent').textContent = rupiah(sum.spent);
  document.getElementById('total-remaining').textContent = t('remaining', { amount: rupiah(sum.remaining) });
  document.getElementById('total-rate').textContent = percent(sum.rate);
  document.getElementById('total-rate-bar').style.width = barWidth(sum.rate);
  const openData = document.getElementById('open-data');
  openData.href = sitePath(`/api/public/fiscal-data/${year}/realization.csv`);
  openData.hidden = rows.length === 0;
  document.getElementById('portal-asof').textContent = t('asOf', { date: date(today()) });
  drawTable(sum);
  drawDistrictChart();
}

function barWidth(rate) {
  return `${Math.min(100, Math.max(0, (rate ?? 0) * 100)).toFixed(1)}%`;
}

function districtName(row) {
  return row.name ?? t('unnamed', { code: row.key });
}

function drawTable(sum) {
  const container = document.getElementById('district-table');
  if (rows.length === 0) {
    fill(container, el('p', { class: 'empty' }, t('empty', { year })));
    return;
  }
  const labels = { allocated: tc('money.allocated'), spent: tc('money.spent'), rate: tc('money.rate') };
  const rateCell = (rate) => el('td', { class: 'num', 'data-label': labels.rate },
    el('span', { class: 'rate-cell' },
      el('span', {}, percent(rate)),
      bar(rate)));
  fill(container, el('table', { class: 'table-stack' },
    el('caption', { class: 'visually-hidden' }, t('tableCaption', { year })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('district')),
      el('th', { scope: 'col', class: 'num' }, labels.allocated),
      el('th', { scope: 'col', class: 'num' }, labels.spent),
      el('th', { scope: 'col', class: 'num' }, labels.rate))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, districtName(row)),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(row.allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(row.spent)),
      rateCell(row.rate)))),
    el('tfoot', {}, el('tr', {},
      el('th', { scope: 'row' }, t('total')),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(sum.allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(sum.spent)),
      rateCell(sum.rate)))));
}

function bar(rate) {
  const fillElement = el('span', { class: 'bar-fill' });
  // Set through the DOM, which the Content-Security-Policy allows (a style attribute in markup it would not).
  fillElement.style.width = barWidth(rate);
  return el('span', { class: 'bar', 'aria-hidden': 'true' }, fillElement);
}

function drawDistrictChart() {
  const section = document.getElementById('portal-charts');
  section.hidden = rows.length === 0;
  if (rows.length === 0) {
    return;
  }
  const element = document.getElementById('district-chart');
  element.setAttribute('aria-label', t('chartLabel', { year }));
  // Room for each district's pair of bars: Purbalingga's 18 districts fit without squeezing.
  element.style.height = `${Math.max(260, 80 + rows.length * 44)}px`;
  drawChart(element, horizontalBars({
    names: rows.map(districtName),
    series: [
      { name: tc('money.allocated'), values: rows.map((row) => Number(row.allocated)) },
      { name: tc('money.spent'), values: rows.map((row) => Number(row.spent)) },
    ],
    format: (value) => rupiah(value),
    axisFormat: (value) => rupiahShort(value),
  })).catch((error) => {
    // The table carries the same figures; a chart that cannot load must not hide them.
    console.error('chart', error);
    section.hidden = true;
  });
}
