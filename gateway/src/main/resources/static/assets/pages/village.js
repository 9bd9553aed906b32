// A village's page (village.html?code=NN.NN.NN.NNNN&fiscalYear=YYYY): what the village was allocated in a fiscal
// year, program by program, and every spending it reported, reversed ones included and marked, from
// GET /api/public/villages/{code}/budget, which needs no token and names no user.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { has } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage, showPageError } from '../js/layout.js';
import { api, sitePath } from '../js/api.js';
import { count, currentFiscalYear, date, percent, rupiah, today } from '../js/format.js';
import { el, fill } from '../js/dom.js';
import { requestedYear, yearPicker } from '../js/year-picker.js';

const t = defineStrings('village', {
  id: {
    title: 'Anggaran desa',
    pageTitle: 'Anggaran {name}',
    eyebrow: 'Anggaran desa',
    eyebrowOf: '{type} · Tahun anggaran {year}',
    back: 'Portal publik',
    area: 'Kecamatan {district} · {regency} · {province}',
    totalsLabel: 'Ringkasan anggaran desa',
    allocationsCount: 'dari {count} program',
    allocationsCountOne: 'dari 1 program',
    spendingCount: '{count} belanja tercatat',
    allocationsTitle: 'Alokasi',
    allocationsNote: 'Dana yang dialokasikan untuk desa ini per program',
    allocationsCaption: 'Alokasi desa per program, tahun anggaran {year}',
    allocationsEmpty: 'Desa ini belum menerima alokasi pada tahun anggaran {year}.',
    program: 'Program',
    fundingSource: 'Sumber dana',
    activityCode: 'Kode kegiatan',
    total: 'Jumlah',
    spendingTitle: 'Belanja',
    spendingNote: 'Dilaporkan kepala desa, terbaru di atas',
    spendingCaption: 'Belanja desa, tahun anggaran {year}; belanja yang dibatalkan tetap tercantum dan tidak dihitung',
    spendingEmpty: 'Belum ada belanja yang dilaporkan pada tahun anggaran {year}.',
    spentOn: 'Tanggal',
    description: 'Uraian',
    category: 'Kategori',
    vendor: 'Penyedia',
    receiptNo: 'No. kuitansi',
    amount: 'Jumlah',
    status: 'Status',
    reversedNote: 'Belanja yang dibatalkan tetap tercantum (dicoret) sesuai buku besar, tetapi tidak dihitung dalam realisasi.',
    asOf: 'Data per {date}. Angka publik diperbarui paling lambat satu menit setelah pencatatan.',
    unknownProgram: 'Program tidak dikenal',
    notFoundTitle: 'Desa tidak ditemukan',
    notFound: 'Tidak ada desa atau kelurahan dengan kode {code} dalam data wilayah.',
    badCodeTitle: 'Kode desa tidak sah',
    badCode: 'Kode desa ditulis NN.NN.NN.NNNN, misalnya 33.03.01.2001.',
    findAnother: 'Cari desa di portal publik',
    loaded: 'Anggaran {name} tahun {year} dimuat.',
  },
  en: {
    title: 'Village budget',
    pageTitle: 'Budget of {name}',
    eyebrow: 'Village budget',
    eyebrowOf: '{type} · Fiscal year {year}',
    back: 'Public portal',
    area: '{district} district · {regency} · {province}',
    totalsLabel: 'Village budget summary',
    allocationsCount: 'from {count} programs',
    allocationsCountOne: 'from 1 program',
    spendingCount: '{count} spending recorded',
    allocationsTitle: 'Allocations',
    allocationsNote: 'Funds allocated to this village, by program',
    allocationsCaption: 'The village\'s allocations by program, fiscal year {year}',
    allocationsEmpty: 'This village has no allocation in fiscal year {year} yet.',
    program: 'Program',
    fundingSource: 'Funding source',
    activityCode: 'Activity code',
    total: 'Total',
    spendingTitle: 'Spending',
    spendingNote: 'Reported by the village head, newest first',
    spendingCaption: 'The village\'s spending, fiscal year {year}; reversed spending stays listed and is not counted',
    spendingEmpty: 'No spending has been reported in fiscal year {year} yet.',
    spentOn: 'Date',
    description: 'Description',
    category: 'Category',
    vendor: 'Vendor',
    receiptNo: 'Receipt no.',
    amount: 'Amount',
    status: 'Status',
    reversedNote: 'Reversed spending stays listed (struck through) as the ledger keeps it, but is not counted in the realization.',
    asOf: 'Figures as of {date}. Public figures follow the ledger within a minute.',
    unknownProgram: 'Unknown program',
    notFoundTitle: 'Village not found',
    notFound: 'No desa or kelurahan has the code {code} in the area list.',
    badCodeTitle: 'Not a village code',
    badCode: 'A village code is written NN.NN.NN.NNNN, for example 33.03.01.2001.',
    findAnother: 'Find a village on the public portal',
    loaded: 'Budget of {name} for {year} loaded.',
  },
});

const CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

const code = new URLSearchParams(location.search).get('code')?.trim() ?? '';
let year;
let budget = null;
let missing = null;

startPage({
  title: 'village.title',
  render: async () => {
    year = requestedYear() ?? currentFiscalYear();
    yearPicker(document.getElementById('fiscal-year'), year, (picked) => {
      year = picked;
      load();
    });
    onLanguageChange(draw);
    await load();
  },
});

function portalHref() {
  return sitePath(`/?fiscalYear=${year}`);
}

async function load() {
  const main = document.getElementById('main');
  main.querySelector('.page-error')?.remove();
  if (!CODE.test(code)) {
    missing = 'badCode';
    draw();
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    budget = await api(`/api/public/villages/${encodeURIComponent(code)}/budget?fiscalYear=${year}`,
      { anonymous: true });
    missing = null;
    draw();
    document.getElementById('village-status').textContent = t('loaded', { name: villageName(), year });
  } catch (error) {
    budget = null;
    if (error.status === 404 || error.status === 400) {
      missing = error.status === 404 ? 'notFound' : 'badCode';
      draw();
    } else {
      missing = null;
      draw();
      showPageError(document.querySelector('#main > .container'), error, { retry: load });
    }
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function villageName() {
  return budget?.villageName ?? code;
}

function villageType() {
  const digit = code.split('.')[3]?.[0];
  return tc(`villageType.${digit === '1' ? 'KELURAHAN' : 'DESA'}`);
}

function draw() {
  const back = document.getElementById('back-link');
  back.href = portalHref();
  drawMissing();
  const content = document.getElementById('village-content');
  content.hidden = !budget;
  if (!budget) {
    document.getElementById('village-name').textContent = missing ? t(`${missing}Title`) : t('title');
    document.getElementById('village-area').textContent = '';
    document.getElementById('village-eyebrow').textContent = t('eyebrow');
    return;
  }
  document.title = `${t('pageTitle', { name: villageName() })} · ${tc('product')}`;
  document.getElementById('village-eyebrow').textContent = t('eyebrowOf', { type: villageType(), year });
  document.getElementById('village-name').textContent = villageName();
  document.getElementById('village-area').textContent = budget.districtName
    ? t('area', {
      district: budget.districtName, regency: budget.regencyName ?? '', province: budget.provinceName ?? '',
    }).replace(/( · )+$/, '')
    : code;
  document.getElementById('village-allocated').textContent = rupiah(budget.allocated);
  document.getElementById('village-spent').textContent = rupiah(budget.spent);
  document.getElementById('village-remaining').textContent = rupiah(budget.remaining);
  document.getElementById('village-rate').textContent = percent(budget.rate);
  document.getElementById('village-rate-bar').style.width = barWidth(budget.rate);
  document.getElementById('village-allocations-note').textContent =
    budget.allocations.length === 1 ? t('allocationsCountOne')
      : t('allocationsCount', { count: count(budget.allocations.length) });
  const recorded = budget.spending.filter((s) => s.status !== 'REVERSED').length;
  document.getElementById('village-spending-note').textContent = t('spendingCount', { count: count(recorded) });
  document.getElementById('village-asof').textContent = t('asOf', { date: date(today()) });
  drawAllocations();
  drawSpending();
}

function drawMissing() {
  const box = document.getElementById('village-missing');
  box.hidden = !missing;
  if (!missing) {
    fill(box);
    return;
  }
  fill(box, el('div', { class: 'alert alert-info village-missing', role: 'alert' },
    el('p', { class: 'alert-title' }, t(`${missing}Title`)),
    el('p', {}, missing === 'notFound' ? t('notFound', { code }) : t('badCode')),
    el('p', {}, el('a', { href: portalHref() }, t('findAnother')))));
}

function barWidth(rate) {
  return `${Math.min(100, Math.max(0, (rate ?? 0) * 100)).toFixed(1)}%`;
}

function fundingSource(source) {
  return source && has(`common.fundingSource.${source}`) ? tc(`fundingSource.${source}`) : (source ?? '—');
}

function category(value) {
  return value && has(`common.category.${value}`) ? tc(`category.${value}`) : (value ?? '—');
}

function drawAllocations() {
  const container = document.getElementById('allocations-table');
  const rows = budget.allocations;
  if (rows.length === 0) {
    fill(container, el('p', { class: 'empty' }, t('allocationsEmpty', { year })));
    return;
  }
  const labels = {
    source: t('fundingSource'), activity: t('activityCode'), allocated: tc('money.allocated'),
    spent: tc('money.spent'), remaining: tc('money.remaining'),
  };
  fill(container, el('table', { class: 'table-stack' },
    el('caption', { class: 'visually-hidden' }, t('allocationsCaption', { year })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('program')),
      el('th', { scope: 'col' }, labels.source),
      el('th', { scope: 'col' }, labels.activity),
      el('th', { scope: 'col', class: 'num' }, labels.allocated),
      el('th', { scope: 'col', class: 'num' }, labels.spent),
      el('th', { scope: 'col', class: 'num' }, labels.remaining))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, row.programName ?? t('unknownProgram')),
      el('td', { 'data-label': labels.source }, fundingSource(row.fundingSource)),
      el('td', { 'data-label': labels.activity, class: 'code' }, row.activityCode ?? '—'),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(row.amount)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(row.spent)),
      el('td', { class: 'num', 'data-label': labels.remaining }, rupiah(row.remaining))))),
    rows.length > 1 ? el('tfoot', {}, el('tr', {},
      el('th', { scope: 'row' }, t('total')),
      el('td', { 'data-label': labels.source }, ''),
      el('td', { 'data-label': labels.activity }, ''),
      el('td', { class: 'num', 'data-label': labels.allocated }, rupiah(budget.allocated)),
      el('td', { class: 'num', 'data-label': labels.spent }, rupiah(budget.spent)),
      el('td', { class: 'num', 'data-label': labels.remaining }, rupiah(budget.remaining)))) : null));
}

function drawSpending() {
  const container = document.getElementById('spending-table');
  const rows = budget.spending;
  if (rows.length === 0) {
    fill(container, el('p', { class: 'empty' }, t('spendingEmpty', { year })));
    return;
  }
  const labels = {
    date: t('spentOn'), category: t('category'), vendor: t('vendor'), receipt: t('receiptNo'),
    amount: t('amount'), status: t('status'),
  };
  const anyReversed = rows.some((row) => row.status === 'REVERSED');
  fill(container,
    el('table', { class: 'table-stack spending-table' },
      el('caption', { class: 'visually-hidden' }, t('spendingCaption', { year })),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('description')),
        el('th', { scope: 'col' }, labels.date),
        el('th', { scope: 'col' }, labels.category),
        el('th', { scope: 'col' }, labels.vendor),
        el('th', { scope: 'col' }, labels.receipt),
        el('th', { scope: 'col', class: 'num' }, labels.amount),
        el('th', { scope: 'col' }, labels.status))),
      el('tbody', {}, rows.map((row) => {
        const reversed = row.status === 'REVERSED';
        const struck = (content) => (reversed ? el('del', {}, content) : content);
        return el('tr', { class: reversed ? 'is-reversed' : null, dataset: { spendingId: row.id } },
          el('th', { scope: 'row' },
            el('span', {}, struck(row.description || '—'),
              row.programName ? el('span', { class: 'cell-sub' }, row.programName) : null)),
          el('td', { 'data-label': labels.date, class: 'code' }, date(row.spentOn, 'short')),
          el('td', { 'data-label': labels.category }, category(row.category)),
          el('td', { 'data-label': labels.vendor }, row.vendor || '—'),
          el('td', { 'data-label': labels.receipt }, el('span', { class: 'receipt' }, row.receiptNo || '—')),
          el('td', { class: 'num', 'data-label': labels.amount }, struck(rupiah(row.amount))),
          el('td', { 'data-label': labels.status },
            el('span', { class: reversed ? 'tag tag-reversed' : 'tag' }, tc(`spendingStatus.${row.status}`))));
      }))),
    anyReversed ? el('p', { class: 'small muted spending-legend' }, t('reversedNote')) : null);
}
