// The auditor's console: the integrity check of the whole ledger, a ledger explorer with filters, paging and a CSV of
// what the filters select, a village's figures as of a chosen moment beside the current ones, and the realization
// report. Everything here only reads; the auditor changes nothing.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage } from '../js/layout.js';
import { api } from '../js/api.js';
import { clearErrors, showAlert, showFieldErrors, showProblem, valuesOf } from '../js/forms.js';
import { count, currentFiscalYear, dateTime, percent, rateOf, rupiah } from '../js/format.js';
import { el, fill, byId } from '../js/dom.js';
import { downloadFile } from '../js/download.js';
import { greet } from '../js/console.js';

const t = defineStrings('auditor', {
  id: {
    partsLabel: 'Bagian konsol',
    verifyTitle: 'Keutuhan buku besar',
    verifyText: 'Setiap entri buku besar memuat hash dari isinya dan dari entri sebelumnya. Pemeriksaan menghitung ulang seluruh rantai: entri yang diubah di luar sistem akan ketahuan.',
    verifyRun: 'Periksa sekarang',
    verifyBusy: 'Memeriksa seluruh buku besar…',
    verifyValid: 'Buku besar utuh',
    verifyValidText: '{count} entri diperiksa; tidak ada yang diubah. Diperiksa {at}.',
    verifyInvalid: 'Buku besar TIDAK utuh',
    verifyInvalidText: 'Entri pertama yang tidak cocok: {id} (rantai {chain}, urutan {seq}). Diperiksa {at}.',
    verifyShowEntry: 'Tampilkan entri ini di buku besar',
    ledgerTitle: 'Buku besar',
    csv: 'Unduh CSV',
    csvBusy: 'Menyiapkan CSV…',
    csvDone: 'Berkas {file} diunduh ({size}).',
    villageCode: 'Kode desa',
    program: 'Program',
    allPrograms: 'Semua program',
    type: 'Jenis entri',
    allTypes: 'Semua jenis',
    actor: 'Pelaku (nama pengguna)',
    from: 'Dari tanggal',
    to: 'Sampai tanggal',
    apply: 'Terapkan',
    reset: 'Atur ulang',
    codeRule: 'Tulis kode desa seperti 33.03.01.2001.',
    rangeRule: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
    seq: 'No.',
    time: 'Waktu',
    village: 'Desa',
    amount: 'Jumlah',
    hash: 'Hash',
    hashFull: 'Hash lengkap {hash}',
    prevHash: 'Hash sebelumnya',
    chain: 'Rantai',
    increase: 'naik',
    decrease: 'turun',
    programLevel: 'Tingkat program',
    showing: 'Menampilkan {first}–{last} dari {total} entri.',
    none: 'Tidak ada entri yang cocok dengan saringan ini.',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pageOf: 'Halaman {page} dari {pages}',
    pagerLabel: 'Halaman buku besar',
    tableCaption: 'Entri buku besar, urut dari yang terlama',
    asOfTitle: 'Posisi pada suatu waktu',
    asOfText: 'Angka sebuah desa seperti tercatat di buku besar pada tanggal dan jam yang dipilih, di samping angka saat ini.',
    asOfAt: 'Per tanggal dan jam',
    asOfShow: 'Tampilkan',
    asOfCaption: 'Angka desa {code}, tahun anggaran {year}',
    figure: 'Angka',
    now: 'Saat ini',
    then: 'Per {at}',
    difference: 'Selisih sejak itu',
    allocations: 'Jumlah alokasi',
    reportTitle: 'Laporan realisasi',
    groupBy: 'Dikelompokkan menurut',
    reportShow: 'Tampilkan laporan',
    group: {
      district: 'Kecamatan',
      village: 'Desa',
      category: 'Kategori belanja',
      program: 'Program',
    },
    reportCaption: 'Realisasi tahun anggaran {year} per {group}',
    reportEmpty: 'Belum ada alokasi untuk tahun anggaran {year}.',
    total: 'Jumlah',
    yearRule: 'Tulis tahun seperti 2026.',
  },
  en: {
    partsLabel: 'Console sections',
    verifyTitle: 'Ledger integrity',
    verifyText: 'Every ledger entry carries a hash of its content and of the entry before it. The check recomputes every chain: an entry altered outside the system is found.',
    verifyRun: 'Check now',
    verifyBusy: 'Checking the whole ledger…',
    verifyValid: 'The ledger is intact',
    verifyValidText: '{count} entries checked; none was altered. Checked {at}.',
    verifyInvalid: 'The ledger is NOT intact',
    verifyInvalidText: 'First entry that does not match: {id} (chain {chain}, position {seq}). Checked {at}.',
    verifyShowEntry: 'Show this entry in the ledger',
    ledgerTitle: 'Ledger',
    csv: 'Download CSV',
    csvBusy: 'Preparing the CSV…',
    csvDone: 'Downloaded {file} ({size}).',
    villageCode: 'Village code',
    program: 'Program',
    allPrograms: 'All programs',
    type: 'Entry type',
    allTypes: 'All types',
    actor: 'Actor (username)',
    from: 'From date',
    to: 'To date',
    apply: 'Apply',
    reset: 'Reset',
    codeRule: 'Write a village code such as 33.03.01.2001.',
    rangeRule: 'The end date cannot be before the start date.',
    seq: 'No.',
    time: 'Time',
    village: 'Village',
    amount: 'Amount',
    hash: 'Hash',
    hashFull: 'Full hash {hash}',
    prevHash: 'Previous hash',
    chain: 'Chain',
    increase: 'up',
    decrease: 'down',
    programLevel: 'Program level',
    showing: 'Showing {first}–{last} of {total} entries.',
    none: 'No entries match these filters.',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {pages}',
    pagerLabel: 'Ledger pages',
    tableCaption: 'Ledger entries, oldest first',
    asOfTitle: 'Position at a moment',
    asOfText: 'A village\'s figures as the ledger held them at the chosen date and time, beside today\'s.',
    asOfAt: 'As of date and time',
    asOfShow: 'Show',
    asOfCaption: 'Figures of village {code}, fiscal year {year}',
    figure: 'Figure',
    now: 'Now',
    then: 'As of {at}',
    difference: 'Change since then',
    allocations: 'Allocations',
    reportTitle: 'Realization report',
    groupBy: 'Grouped by',
    reportShow: 'Show report',
    group: {
      district: 'District',
      village: 'Village',
      category: 'Spending category',
      program: 'Program',
    },
    reportCaption: 'Realization in fiscal year {year} by {group}',
    reportEmpty: 'No allocations for fiscal year {year} yet.',
    total: 'Total',
    yearRule: 'Write a year such as 2026.',
  },
});

const ENTRY_TYPES = ['PROGRAM_CREATED', 'CEILING_REVISED', 'PROGRAM_CLOSED', 'FUNDS_ALLOCATED', 'ALLOCATION_ADJUSTED',
  'SPENDING_RECORDED', 'SPENDING_REVERSED'];
const GROUPS = ['district', 'village', 'category', 'program'];
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const PAGE_SIZE = 50;
const HASH_SHOWN = 10;

const state = {
  programs: [],
  filters: {},
  page: 0,
  ledger: null,
  highlight: null,
  verdict: null,
  asOf: null,
  report: null,
};

startPage({
  title: 'common.console.AUDITOR',
  roles: ['AUDITOR'],
  render: async ({ me }) => {
    greet(me);
    setUpLedger();
    setUpVerify();
    setUpAsOf();
    setUpReport();
    onLanguageChange(() => {
      greet(me);
      drawSelects();
      drawLedger();
      drawVerdict();
      drawAsOf();
      drawReport();
    });
    await Promise.all([loadPrograms(), loadLedger(), loadReport()]);
  },
});

/* Ledger ------------------------------------------------------------------------------------------------------- */

function setUpLedger() {
  const form = byId('ledger-form');
  drawSelects();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = valuesOf(form);
    const problems = {};
    if (values.villageCode && !VILLAGE_CODE.test(values.villageCode)) {
      problems.villageCode = t('codeRule');
    }
    if (values.from && values.to && values.to < values.from) {
      problems.to = t('rangeRule');
    }
    if (Object.keys(problems).length) {
      showFieldErrors(form, Object.entries(problems).map(([field, message]) => ({ field, message })));
      showAlert(form, tc('error.checkFields'));
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    state.filters = values;
    state.page = 0;
    state.highlight = null;
    loadLedger();
  });
  form.addEventListener('reset', () => {
    clearErrors(form);
    state.filters = {};
    state.page = 0;
    state.highlight = null;
    // The form's fields are reset after this event: load once they are.
    setTimeout(loadLedger);
  });
  byId('ledger-csv').addEventListener('click', downloadCsv);
}

function drawSelects() {
  const type = byId('f-type');
  const chosenType = type.value;
  fill(type, el('option', { value: '' }, t('allTypes')),
    ENTRY_TYPES.map((code) => el('option', { value: code, selected: code === chosenType }, tc(`entryType.${code}`))));
  drawProgramSelect();
  const group = byId('r-group');
  const chosenGroup = group.value || 'district';
  fill(group, GROUPS.map((code) => el('option', { value: code, selected: code === chosenGroup }, t(`group.${code}`))));
}

function drawProgramSelect() {
  const select = byId('f-program');
  const chosen = select.value;
  fill(select, el('option', { value: '' }, t('allPrograms')),
    state.programs.map((p) => el('option', { value: p.id, selected: p.id === chosen }, `${p.name} (${p.fiscalYear})`)));
}

async function loadPrograms() {
  const year = currentFiscalYear();
  try {
    const pages = await Promise.all([year + 1, year, year - 1]
      .map((y) => api(`/api/budget/programs?fiscalYear=${y}&size=500`)));
    state.programs = pages.flatMap((page) => (Array.isArray(page) ? page : page.items ?? []));
    drawProgramSelect();
  } catch (error) {
    // The program filter is a convenience: the ledger works without it.
    console.warn('programs', error);
  }
}

/** The ledger's query for the filters (dates are the reader's whole days, as instants), without paging. */
function ledgerQuery() {
  const f = state.filters;
  const query = new URLSearchParams();
  ['villageCode', 'programId', 'type', 'actor'].forEach((name) => {
    if (f[name]) {
      query.set(name, f[name]);
    }
  });
  if (f.from) {
    query.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  }
  if (f.to) {
    query.set('to', new Date(`${f.to}T23:59:59.999`).toISOString());
  }
  return query;
}

async function loadLedger() {
  const form = byId('ledger-form');
  const section = byId('ledger-section');
  const query = ledgerQuery();
  query.set('page', String(state.page));
  query.set('size', String(PAGE_SIZE));
  section.setAttribute('aria-busy', 'true');
  try {
    state.ledger = await api(`/api/budget/ledger?${query}`);
    drawLedger();
    const marked = state.highlight && document.getElementById(`entry-${state.highlight}`);
    if (marked) {
      marked.scrollIntoView({ block: 'center' });
      marked.focus();
    }
  } catch (error) {
    state.ledger = null;
    drawLedger();
    showProblem(form, error, { fieldMessages: { villageCode: t('codeRule') } });
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}

function drawLedger() {
  const summary = byId('ledger-summary');
  const table = byId('ledger-table');
  const pager = byId('ledger-pager');
  const page = state.ledger;
  if (!page) {
    fill(summary);
    fill(table);
    fill(pager);
    return;
  }
  if (page.items.length === 0) {
    fill(summary);
    fill(table, el('p', { class: 'empty' }, t('none')));
    fill(pager);
    return;
  }
  const first = page.page * page.size + 1;
  fill(summary, t('showing', { first: count(first), last: count(first + page.items.length - 1),
    total: count(page.total) }));
  const labels = { seq: t('seq'), time: t('time'), type: t('type'), actor: t('actor'), village: t('village'),
    amount: t('amount'), hash: t('hash') };
  fill(table, el('table', { class: 'table-stack ledger-table', id: 'ledger' },
    el('caption', { class: 'visually-hidden' }, t('tableCaption')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', class: 'num' }, labels.seq),
      el('th', { scope: 'col' }, labels.time),
      el('th', { scope: 'col' }, labels.type),
      el('th', { scope: 'col' }, labels.actor),
      el('th', { scope: 'col' }, labels.village),
      el('th', { scope: 'col', class: 'num' }, labels.amount),
      el('th', { scope: 'col' }, labels.hash))),
    el('tbody', {}, page.items.map((entry) => el('tr', {
      id: `entry-${entry.id}`,
      class: entry.id === state.highlight ? 'is-marked' : null,
      tabindex: entry.id === state.highlight ? '-1' : null,
      dataset: { type: entry.type },
    },
    el('td', { class: 'num', 'data-label': labels.seq }, entry.seq),
    el('td', { 'data-label': labels.time }, el('time', { datetime: entry.occurredAt }, dateTime(entry.occurredAt))),
    el('td', { 'data-label': labels.type },
      el('span', { class: `entry-type entry-${entry.type.toLowerCase().replace(/_/g, '-')}` },
        tc(`entryType.${entry.type}`)),
      entry.reason ? el('span', { class: 'entry-reason' }, entry.reason) : null),
    el('td', { 'data-label': labels.actor }, entry.actor),
    el('td', { 'data-label': labels.village }, entry.villageCode ?? el('span', { class: 'muted' }, t('programLevel'))),
    el('td', { class: 'num', 'data-label': labels.amount },
      entry.amount === null || entry.amount === undefined ? tc('notSet') : rupiah(entry.amount),
      entry.direction ? el('span', { class: 'entry-direction' }, ' ',
        t(entry.direction === 'DECREASE' ? 'decrease' : 'increase')) : null),
    el('td', { 'data-label': labels.hash }, hashCell(entry)))))));
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  fill(pager, pages <= 1 ? null : el('nav', { class: 'pager-inner', 'aria-label': t('pagerLabel') },
    el('button', {
      type: 'button', class: 'button button-secondary button-small', disabled: page.page === 0,
      on: { click: () => goToPage(page.page - 1) },
    }, t('previous')),
    el('span', { class: 'pager-where' }, t('pageOf', { page: count(page.page + 1), pages: count(pages) })),
    el('button', {
      type: 'button', class: 'button button-secondary button-small', disabled: page.page + 1 >= pages,
      on: { click: () => goToPage(page.page + 1) },
    }, t('next'))));
}

function hashCell(entry) {
  return el('details', { class: 'hash' },
    el('summary', { 'aria-label': t('hashFull', { hash: entry.hash }) },
      el('code', {}, `${entry.hash.slice(0, HASH_SHOWN)}…`)),
    el('dl', { class: 'hash-full' },
      el('dt', {}, t('hash')), el('dd', {}, el('code', {}, entry.hash)),
      el('dt', {}, t('prevHash')), el('dd', {}, el('code', {}, entry.prevHash ?? tc('notSet'))),
      el('dt', {}, t('chain')), el('dd', {}, el('code', {}, `${entry.chain ?? ''} #${entry.seq}`)),
      el('dt', {}, 'ID'), el('dd', {}, el('code', {}, entry.id))));
}

function goToPage(page) {
  state.page = page;
  state.highlight = null;
  loadLedger().then(() => byId('ledger-summary').scrollIntoView({ block: 'start' }));
}

async function downloadCsv() {
  const button = byId('ledger-csv');
  const status = byId('csv-status');
  if (button.classList.contains('is-busy')) {
    return;
  }
  button.classList.add('is-busy');
  status.textContent = t('csvBusy');
  const file = `buku-besar-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
  try {
    // Without page and size the ledger answers every row the filters select.
    const blob = await downloadFile(`/api/budget/ledger?${ledgerQuery()}`, file, { accept: 'text/csv' });
    status.textContent = t('csvDone', { file, size: `${count(Math.max(1, Math.round(blob.size / 1024)))} KB` });
    status.dataset.file = file;
  } catch (error) {
    status.textContent = '';
    showProblem(byId('ledger-form'), error);
  } finally {
    button.classList.remove('is-busy');
  }
}

/* Verification ------------------------------------------------------------------------------------------------- */

function setUpVerify() {
  byId('verify-run').addEventListener('click', async () => {
    const button = byId('verify-run');
    if (button.classList.contains('is-busy')) {
      return;
    }
    button.classList.add('is-busy');
    fill(byId('verify-result'), el('p', { class: 'muted' }, t('verifyBusy')));
    try {
      const answer = await api('/api/budget/ledger/verify', { timeoutMs: 300_000 });
      state.verdict = { ...answer, at: new Date().toISOString() };
      drawVerdict();
    } catch (error) {
      state.verdict = null;
      fill(byId('verify-result'), el('div', { class: 'alert alert-error' },
        el('p', { class: 'alert-title' }, error.message ?? tc('error.unexpected')),
        error.detail ? el('p', { class: 'alert-detail' }, error.detail) : null));
    } finally {
      button.classList.remove('is-busy');
    }
  });
}

function drawVerdict() {
  const box = byId('verify-result');
  const v = state.verdict;
  if (!v) {
    return;
  }
  if (v.valid) {
    fill(box, el('div', { class: 'verdict verdict-valid', id: 'verdict', dataset: { valid: 'true' } },
      el('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, '✓'),
      el('div', {},
        el('p', { class: 'verdict-title' }, t('verifyValid')),
        el('p', {}, t('verifyValidText', { count: count(v.entries), at: dateTime(v.at) })))));
    return;
  }
  const chainIsVillage = VILLAGE_CODE.test(v.chain ?? '');
  fill(box, el('div', { class: 'verdict verdict-invalid', id: 'verdict', dataset: { valid: 'false' } },
    el('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, '✕'),
    el('div', {},
      el('p', { class: 'verdict-title' }, t('verifyInvalid')),
      el('p', {}, t('verifyInvalidText', { id: v.firstBadEntry, chain: v.chain ?? tc('notSet'),
        seq: v.seq ?? tc('notSet'), at: dateTime(v.at) })),
      v.reason ? el('p', { class: 'alert-detail' }, v.reason) : null,
      el('p', {}, el('a', {
        href: `#entry-${v.firstBadEntry}`,
        on: { click: (event) => { event.preventDefault(); showBadEntry(v, chainIsVillage); } },
      }, t('verifyShowEntry'))))));
}

/** Narrows the ledger to the bad entry's chain, on the page that holds its place, and marks it. */
function showBadEntry(verdict, chainIsVillage) {
  const form = byId('ledger-form');
  clearErrors(form);
  for (const element of form.elements) {
    if (element.name) {
      element.value = '';
    }
  }
  state.filters = chainIsVillage ? { villageCode: verdict.chain } : { programId: verdict.chain };
  if (chainIsVillage) {
    byId('f-village').value = verdict.chain;
  } else if (verdict.chain) {
    byId('f-program').value = verdict.chain;
  }
  // A village's chain alone is read by position; a program's entries are few.
  state.page = chainIsVillage && verdict.seq ? Math.floor((verdict.seq - 1) / PAGE_SIZE) : 0;
  state.highlight = verdict.firstBadEntry;
  loadLedger();
}

/* As of --------------------------------------------------------------------------------------------------------- */

function localDateTime(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function setUpAsOf() {
  const form = byId('asof-form');
  byId('a-year').value = String(currentFiscalYear());
  byId('a-at').value = localDateTime(new Date());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = valuesOf(form);
    const problems = {};
    ['villageCode', 'fiscalYear', 'asOf'].forEach((name) => {
      if (!values[name]) {
        problems[name] = tc('error.fieldRequired');
      }
    });
    if (values.villageCode && !VILLAGE_CODE.test(values.villageCode)) {
      problems.villageCode = t('codeRule');
    }
    if (values.fiscalYear && !/^\d{4}$/.test(values.fiscalYear)) {
      problems.fiscalYear = t('yearRule');
    }
    const at = values.asOf ? new Date(values.asOf) : null;
    if (values.asOf && Number.isNaN(at.getTime())) {
      problems.asOf = tc('error.fieldRequired');
    }
    if (Object.keys(problems).length) {
      showFieldErrors(form, Object.entries(problems).map(([field, message]) => ({ field, message })));
      showAlert(form, tc('error.checkFields'));
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.classList.add('is-busy');
    const code = encodeURIComponent(values.villageCode);
    const base = `/api/budget/villages/${code}/summary?fiscalYear=${values.fiscalYear}`;
    try {
      const [now, then] = await Promise.all([api(base),
        api(`${base}&asOf=${encodeURIComponent(at.toISOString())}`)]);
      state.asOf = { code: values.villageCode, year: values.fiscalYear, at: at.toISOString(), now, then };
      drawAsOf();
    } catch (error) {
      state.asOf = null;
      drawAsOf();
      showProblem(form, error, { fieldMessages: { code: t('codeRule'), villageCode: t('codeRule') } });
    } finally {
      button.classList.remove('is-busy');
    }
  });
}

function drawAsOf() {
  const box = byId('asof-result');
  const a = state.asOf;
  if (!a) {
    fill(box);
    return;
  }
  const rows = [
    ['allocated', tc('money.allocated')],
    ['spent', tc('money.spent')],
    ['remaining', tc('money.remaining')],
  ];
  const labels = { now: t('now'), then: t('then', { at: dateTime(a.at) }), difference: t('difference') };
  const signed = (value) => (value > 0n ? `+${rupiah(value)}` : rupiah(value));
  fill(box, el('table', { class: 'table-stack asof-table', id: 'asof-table' },
    el('caption', {}, t('asOfCaption', { code: a.code, year: a.year })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('figure')),
      el('th', { scope: 'col', class: 'num' }, labels.then),
      el('th', { scope: 'col', class: 'num' }, labels.now),
      el('th', { scope: 'col', class: 'num' }, labels.difference))),
    el('tbody', {},
      rows.map(([key, name]) => {
        const then = BigInt(a.then[key] ?? 0);
        const now = BigInt(a.now[key] ?? 0);
        return el('tr', { dataset: { figure: key } },
          el('th', { scope: 'row' }, name),
          el('td', { class: 'num asof-then', 'data-label': labels.then }, rupiah(then)),
          el('td', { class: 'num asof-now', 'data-label': labels.now }, rupiah(now)),
          el('td', { class: 'num', 'data-label': labels.difference }, signed(now - then)));
      }),
      el('tr', { dataset: { figure: 'allocations' } },
        el('th', { scope: 'row' }, t('allocations')),
        el('td', { class: 'num asof-then', 'data-label': labels.then }, count((a.then.allocations ?? []).length)),
        el('td', { class: 'num asof-now', 'data-label': labels.now }, count((a.now.allocations ?? []).length)),
        el('td', { class: 'num', 'data-label': labels.difference },
          count((a.now.allocations ?? []).length - (a.then.allocations ?? []).length))))));
}

/* Realization report -------------------------------------------------------------------------------------------- */

function setUpReport() {
  const form = byId('report-form');
  byId('r-year').value = String(currentFiscalYear());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!/^\d{4}$/.test(byId('r-year').value.trim())) {
      showFieldErrors(form, [{ field: 'fiscalYear', message: t('yearRule') }]);
      showAlert(form, tc('error.checkFields'));
      byId('r-year').focus();
      return;
    }
    loadReport();
  });
}

async function loadReport() {
  const form = byId('report-form');
  const { fiscalYear, groupBy } = valuesOf(form);
  const group = groupBy || 'district';
  const button = form.querySelector('button[type=submit]');
  button.classList.add('is-busy');
  try {
    const rows = await api(`/api/budget/reports/realization?fiscalYear=${encodeURIComponent(fiscalYear)}`
      + `&groupBy=${group}`);
    state.report = { year: fiscalYear, group, rows };
    drawReport();
  } catch (error) {
    state.report = null;
    drawReport();
    showProblem(form, error);
  } finally {
    button.classList.remove('is-busy');
  }
}

function reportName(row, group) {
  if (group === 'category') {
    return tc(`category.${row.key}`);
  }
  return row.name ?? row.key;
}

function drawReport() {
  const box = byId('report-table');
  const r = state.report;
  if (!r) {
    fill(box);
    return;
  }
  if (r.rows.length === 0) {
    fill(box, el('p', { class: 'empty' }, t('reportEmpty', { year: r.year })));
    return;
  }
  const allocated = r.rows.reduce((sum, row) => sum + BigInt(row.allocated), 0n);
  const spent = r.rows.reduce((sum, row) => sum + BigInt(row.spent), 0n);
  const groupName = t(`group.${r.group}`);
  const labels = { allocated: tc('money.allocated'), spent: tc('money.spent'), rate: tc('money.rate') };
  const rateCell = (rate) => el('td', { class: 'num', 'data-label': labels.rate },
    el('span', { class: 'rate-cell' }, el('span', {}, percent(rate)), bar(rate)));
  const showKey = r.group === 'district' || r.group === 'village';
  fill(box, el('table', { class: 'table-stack', id: 'report' },
    el('caption', { class: 'visually-hidden' }, t('reportCaption', { year: r.year, group: groupName.toLowerCase() })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, groupName),
      el('th', { scope: 'col', class: 'num' }, labels.allocated),
      el('th', { scope: 'col', class: 'num' }, labels.spent),
      el('th', { scope: 'col', class: 'num' }, labels.rate))),
    el('tbody', {}, r.rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, reportName(row, r.group),
        showKey ? el('span', { class: 'row-key' }, row.key) : null),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(row.allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(row.spent)),
      rateCell(row.rate)))),
    el('tfoot', {}, el('tr', {},
      el('th', { scope: 'row' }, t('total')),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(spent)),
      rateCell(rateOf(spent, allocated))))));
}

function bar(rate) {
  const fillElement = el('span', { class: 'bar-fill' });
  fillElement.style.width = `${Math.min(100, Math.max(0, (Number(rate) || 0) * 100)).toFixed(1)}%`;
  return el('span', { class: 'bar', 'aria-hidden': 'true' }, fillElement);
}
