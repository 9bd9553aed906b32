// The public portal at /: the realization of a fiscal year (the current one unless another is picked), from
// GET /api/public/realization, which needs no token and names nobody.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage, showPageError } from '../js/layout.js';
import { api, sitePath } from '../js/api.js';
import { count, currentFiscalYear, date, percent, rateOf, rupiah, rupiahShort, today } from '../js/format.js';
import { el, fill } from '../js/dom.js';
import { drawChart, horizontalBars } from '../js/charts.js';
import { requestedYear, yearPicker } from '../js/year-picker.js';

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
    openDistrict: 'Lihat desa di Kecamatan {name}',
    districtTitle: 'Desa di Kecamatan {name}',
    districtLead: 'Realisasi per desa, tahun anggaran {year}. Pilih nama desa untuk melihat alokasi dan belanjanya.',
    districtChartLabel: 'Grafik batang dana dialokasikan dan terealisasi per desa di Kecamatan {name}, tahun anggaran {year}. Angkanya ada di tabel di bawahnya.',
    districtCaption: 'Dana dialokasikan dan terealisasi per desa di Kecamatan {name}, tahun anggaran {year}',
    districtEmpty: 'Belum ada desa di Kecamatan {name} yang menerima alokasi pada tahun anggaran {year}.',
    districtLoaded: 'Desa di Kecamatan {name} dimuat.',
    allDistricts: 'Semua kecamatan',
    village: 'Desa',
    villageUnnamed: 'Desa {code}',
    searchTitle: 'Cari desa',
    searchNote: 'Lihat alokasi dan belanja setiap desa',
    searchLabel: 'Nama desa atau kelurahan',
    searchHint: 'Ketik paling sedikit 2 huruf, misalnya “Kedung”.',
    searchButton: 'Cari',
    searchShort: 'Ketik paling sedikit 2 huruf.',
    searching: 'Mencari…',
    found: '{count} desa/kelurahan ditemukan untuk “{q}”.',
    foundMore: '{shown} dari {count} desa/kelurahan untuk “{q}” ditampilkan; perjelas pencarian untuk mempersempit.',
    notFound: 'Tidak ada desa atau kelurahan bernama “{q}”.',
    districtOf: 'Kec. {name}',
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
    openDistrict: 'Show the villages of {name} district',
    districtTitle: 'Villages of {name} district',
    districtLead: 'Realization per village, fiscal year {year}. Pick a village to see its allocations and spending.',
    districtChartLabel: 'Bar chart of funds allocated and spent per village in {name} district, fiscal year {year}. The figures are in the table below.',
    districtCaption: 'Funds allocated and spent per village in {name} district, fiscal year {year}',
    districtEmpty: 'No village of {name} district has an allocation in fiscal year {year} yet.',
    districtLoaded: 'Villages of {name} district loaded.',
    allDistricts: 'All districts',
    village: 'Village',
    villageUnnamed: 'Village {code}',
    searchTitle: 'Find a village',
    searchNote: 'See any village\'s allocations and spending',
    searchLabel: 'Name of the desa or kelurahan',
    searchHint: 'Type at least 2 letters, for example “Kedung”.',
    searchButton: 'Search',
    searchShort: 'Type at least 2 letters.',
    searching: 'Searching…',
    found: '{count} villages found for “{q}”.',
    foundMore: 'Showing {shown} of {count} villages for “{q}”; type more to narrow it down.',
    notFound: 'No desa or kelurahan is named “{q}”.',
    districtOf: '{name} district',
  },
});

/** How many villages a search shows; a longer list asks the reader to type more. */
const SEARCH_SIZE = 20;
/** Typing pauses this long before the search runs by itself. */
const SEARCH_DELAY_MS = 300;

let settings;
let year;
let rows = [];
/** The district whose villages are open (its code, NN.NN.NN), or null. */
let district = null;
let villageRows = [];
let lastSearch = null;

startPage({
  title: 'portal.title',
  render: async ({ site }) => {
    settings = site;
    year = requestedYear() ?? currentFiscalYear();
    district = requestedDistrict();
    yearPicker(document.getElementById('fiscal-year'), year, (picked) => {
      year = picked;
      history.replaceState(null, '', portalUrl());
      load();
    });
    villageSearch();
    document.getElementById('district-close').addEventListener('click', (event) => {
      event.preventDefault();
      closeDistrict();
    });
    onLanguageChange(() => {
      draw();
      drawDistrict();
      drawSearchResults();
    });
    await load();
  },
});

function requestedDistrict() {
  const value = new URLSearchParams(location.search).get('district');
  return value && /^\d{2}\.\d{2}\.\d{2}$/.test(value) ? value : null;
}

/** This page's address for the year and the open district, kept in the address bar so it can be shared. */
function portalUrl(districtCode = district) {
  const url = new URL(location.href);
  url.searchParams.set('fiscalYear', String(year));
  if (districtCode) {
    url.searchParams.set('district', districtCode);
  } else {
    url.searchParams.delete('district');
  }
  url.hash = '';
  return url;
}

/** A village's own page for the year shown. */
function villageHref(code) {
  return sitePath(`/village.html?code=${encodeURIComponent(code)}&fiscalYear=${year}`);
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
    if (district) {
      await loadDistrict(false);
    }
    drawSearchResults();
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
    el('tbody', {}, rows.map((row) => el('tr', { class: row.key === district ? 'is-open' : null },
      el('th', { scope: 'row' }, el('a', {
        href: portalUrl(row.key).href,
        class: 'district-link',
        'aria-label': t('openDistrict', { name: districtName(row) }),
        'aria-controls': 'district-detail',
        'aria-expanded': String(row.key === district),
        on: { click: (event) => { event.preventDefault(); openDistrict(row.key); } },
      }, districtName(row))),
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

// A district's villages ---------------------------------------------------------------------------------------

async function openDistrict(code) {
  district = code;
  history.pushState(null, '', portalUrl());
  await loadDistrict(true);
}

function closeDistrict() {
  district = null;
  villageRows = [];
  history.pushState(null, '', portalUrl());
  drawDistrict();
  drawTable(totals());
  document.getElementById('table-title').scrollIntoView({ block: 'start' });
}

window.addEventListener('popstate', async () => {
  district = requestedDistrict();
  if (district) {
    await loadDistrict(false);
  } else {
    villageRows = [];
    drawDistrict();
    drawTable(totals());
  }
});

function openDistrictName() {
  const row = rows.find((r) => r.key === district);
  return row ? districtName(row) : district;
}

async function loadDistrict(focus) {
  const section = document.getElementById('district-detail');
  section.querySelector('.page-error')?.remove();
  section.setAttribute('aria-busy', 'true');
  try {
    villageRows = await api(`/api/public/realization?fiscalYear=${year}&groupBy=village`
      + `&districtCode=${encodeURIComponent(district)}`, { anonymous: true });
    drawDistrict();
    drawTable(totals());
    document.getElementById('portal-status').textContent = t('districtLoaded', { name: openDistrictName() });
  } catch (error) {
    villageRows = [];
    drawDistrict();
    showPageError(section, error, { retry: () => loadDistrict(true) });
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
  if (focus) {
    const title = document.getElementById('district-title');
    title.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}

function villageName(row) {
  return row.name ?? t('villageUnnamed', { code: row.key });
}

function drawDistrict() {
  const section = document.getElementById('district-detail');
  section.hidden = !district;
  if (!district) {
    return;
  }
  const name = openDistrictName();
  document.getElementById('district-title').textContent = t('districtTitle', { name });
  document.getElementById('district-lead').textContent = t('districtLead', { year });
  const close = document.getElementById('district-close');
  close.href = portalUrl(null).href;
  const table = document.getElementById('village-table');
  const chart = document.getElementById('village-chart');
  if (villageRows.length === 0) {
    chart.hidden = true;
    fill(table, el('p', { class: 'empty' }, t('districtEmpty', { name, year })));
    return;
  }
  const labels = {
    allocated: tc('money.allocated'), spent: tc('money.spent'), remaining: tc('money.remaining'),
    rate: tc('money.rate'),
  };
  fill(table, el('table', { class: 'table-stack' },
    el('caption', { class: 'visually-hidden' }, t('districtCaption', { name, year })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('village')),
      el('th', { scope: 'col', class: 'num' }, labels.allocated),
      el('th', { scope: 'col', class: 'num' }, labels.spent),
      el('th', { scope: 'col', class: 'num' }, labels.rate))),
    el('tbody', {}, villageRows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: villageHref(row.key), class: 'village-link' }, villageName(row))),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(row.allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(row.spent)),
      el('td', { class: 'num', 'data-label': labels.rate },
        el('span', { class: 'rate-cell' }, el('span', {}, percent(row.rate)), bar(row.rate))))))));
  chart.hidden = false;
  chart.setAttribute('aria-label', t('districtChartLabel', { name, year }));
  chart.style.height = `${Math.max(220, 80 + villageRows.length * 44)}px`;
  drawChart(chart, horizontalBars({
    names: villageRows.map(villageName),
    series: [
      { name: tc('money.allocated'), values: villageRows.map((row) => Number(row.allocated)) },
      { name: tc('money.spent'), values: villageRows.map((row) => Number(row.spent)) },
    ],
    format: (value) => rupiah(value),
    axisFormat: (value) => rupiahShort(value),
  })).catch((error) => {
    console.error('chart', error);
    chart.hidden = true;
  });
}

// The village search ------------------------------------------------------------------------------------------

function villageSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('village-q');
  let timer = null;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value, true);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value, false), SEARCH_DELAY_MS);
  });
}

let searchCounter = 0;

async function search(text, asked) {
  const q = text.trim();
  const status = document.getElementById('search-status');
  if (q.length < 2) {
    lastSearch = null;
    drawSearchResults();
    status.textContent = asked || q.length > 0 ? t('searchShort') : '';
    return;
  }
  const mine = ++searchCounter;
  status.textContent = t('searching');
  const area = settings.regencyCode ? `&regencyCode=${encodeURIComponent(settings.regencyCode)}` : '';
  try {
    const page = await api(`/api/public/villages?q=${encodeURIComponent(q)}${area}&size=${SEARCH_SIZE}`,
      { anonymous: true });
    if (mine !== searchCounter) {
      return; // a later search has been asked since
    }
    lastSearch = { q, page };
    drawSearchResults();
  } catch (error) {
    if (mine !== searchCounter) {
      return;
    }
    lastSearch = null;
    drawSearchResults();
    status.textContent = error.message;
  }
}

function drawSearchResults() {
  const list = document.getElementById('village-results');
  const status = document.getElementById('search-status');
  if (!lastSearch) {
    fill(list);
    return;
  }
  const { q, page } = lastSearch;
  const shown = page.items.length;
  status.textContent = shown === 0 ? t('notFound', { q })
    : page.total > shown ? t('foundMore', { shown: count(shown), count: count(page.total), q })
      : t('found', { count: count(page.total), q });
  fill(list, page.items.map((village) => el('li', {},
    el('a', { href: villageHref(village.code), class: 'village-result' },
      el('span', { class: 'village-result-name' }, village.name),
      el('span', { class: 'village-result-area' },
        [village.districtName ? t('districtOf', { name: village.districtName }) : null,
          village.regencyName].filter(Boolean).join(' · ')),
      el('span', { class: 'tag' }, tc(`villageType.${village.type}`))))));
}
