// The finance officer's console: the fiscal year's programs (create, revise the ceiling, close), a program's
// allocations (adjust one), and allocation to many villages at once from a pick list or a CSV, one request per
// village with its own Idempotency-Key and a result per village.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage, showPageError } from '../js/layout.js';
import { api } from '../js/api.js';
import { bindForm, clearErrors } from '../js/forms.js';
import { rupiah, count, currentFiscalYear, parseRupiah, percent, rateOf } from '../js/format.js';
import { el, fill, byId } from '../js/dom.js';
import { greet } from '../js/console.js';
import { sendEach, parseAllocationCsv } from '../js/bulk.js';

const FUNDING_SOURCES = ['DDS', 'ADD', 'PBK', 'PBP', 'PAD', 'DLL'];
const MAX_AMOUNT = 10_000_000_000_000;

const t = defineStrings('officer', {
  id: {
    programs: 'Program tahun anggaran',
    newProgram: 'Program baru',
    createProgram: 'Buat program',
    created: 'Program "{name}" dibuat.',
    noPrograms: 'Belum ada program untuk tahun anggaran {year}. Buat program pertama dengan tombol "Program baru".',
    program: 'Program',
    status: 'Status',
    open: 'Buka',
    openProgram: 'Buka program {name}',
    field: {
      name: 'Nama program',
      fundingSource: 'Sumber dana',
      activityCode: 'Kode kegiatan',
      newCeiling: 'Pagu baru',
      reason: 'Alasan',
      direction: 'Arah penyesuaian',
      by: 'Sebesar',
      district: 'Kecamatan',
      search: 'Cari nama desa',
      amountEach: 'Jumlah untuk setiap desa',
      note: 'Catatan (opsional)',
      csvFile: 'Unggah berkas CSV',
      csvText: 'Atau tempel isi CSV',
    },
    hint: {
      rupiah: 'Rupiah utuh, misalnya 150.000.000.',
      activityCode: 'Kode kegiatan Permendagri, misalnya 1.4.08.',
      csv: 'Satu desa per baris: kode desa,jumlah[,catatan]. Contoh: 33.03.01.2001,25000000,Internet desa',
      revision: 'Pagu saat ini {ceiling}; sudah dialokasikan {allocated}. Pagu tidak boleh di bawah yang sudah dialokasikan.',
      adjust: 'Alokasi {amount}; terealisasi {spent}; sisa pagu program {available}.',
    },
    rule: {
      amount: 'Tulis jumlah rupiah utuh lebih dari nol, misalnya 150.000.000 (tanpa sen).',
      tooLarge: 'Jumlah terlalu besar: paling banyak Rp 10.000.000.000.000.',
      activityCode: 'Tulis kode kegiatan seperti 1.4.08 (angka dipisah titik).',
      belowAllocated: 'Pagu tidak boleh di bawah yang sudah dialokasikan ({allocated}).',
      decreaseBelowSpent: 'Alokasi tidak boleh turun di bawah yang sudah terealisasi ({spent}): paling banyak dikurangi {max}.',
      increasePastCeiling: 'Melewati pagu program: paling banyak ditambah {max}.',
      noVillages: 'Pilih paling sedikit satu desa.',
      csvEmpty: 'Tempel atau unggah CSV dengan paling sedikit satu baris.',
      csvProblems: 'Perbaiki baris CSV berikut, lalu kirim lagi; belum ada yang dikirim.',
    },
    csvProblem: {
      columns: 'Baris {line}: harus berisi kode desa,jumlah[,catatan].',
      code: 'Baris {line}: kode desa harus berformat NN.NN.NN.NNNN.',
      amount: 'Baris {line}: jumlah harus rupiah utuh lebih dari nol.',
      duplicate: 'Baris {line}: desa ini sudah ada di baris {first}.',
    },
    conflict: {
      belowAllocated: 'Pagu baru lebih kecil dari yang sudah dialokasikan ke desa. Kurangi alokasi dulu, atau pilih pagu yang lebih besar.',
      closed: 'Program ini sudah ditutup: tidak ada lagi yang dapat diubah padanya.',
      pastCeiling: 'Melewati pagu program: sisa pagu tidak cukup.',
      belowSpent: 'Alokasi tidak boleh lebih kecil dari yang sudah dibelanjakan desa.',
      exists: 'Desa ini sudah mempunyai alokasi dalam program ini. Sesuaikan alokasinya bila perlu.',
      village: 'Desa tidak dikenal atau tidak aktif.',
    },
    revise: 'Revisi pagu',
    reviseSubmit: 'Simpan pagu baru',
    revised: 'Pagu direvisi menjadi {ceiling}.',
    close: 'Tutup program',
    closeText: 'Program yang ditutup tidak dapat menerima alokasi, penyesuaian, maupun belanja baru. Penutupan tercatat di buku besar dan tidak dapat dibatalkan.',
    closeStart: 'Tutup program…',
    closeQuestion: 'Tutup program "{name}"? Setelah ditutup, tidak ada alokasi, penyesuaian, revisi pagu, atau belanja baru yang dapat dicatat padanya.',
    closeConfirm: 'Ya, tutup program',
    closedDone: 'Program ditutup. Semua perubahan berikutnya padanya akan ditolak.',
    closedNote: 'Program ini sudah ditutup: angka di bawah ini adalah angka akhirnya.',
    allocations: 'Alokasi ke desa',
    noAllocations: 'Belum ada alokasi dalam program ini.',
    village: 'Desa',
    district: 'Kecamatan',
    adjust: 'Sesuaikan',
    adjustVillage: 'Sesuaikan alokasi {name}',
    adjustTitle: 'Sesuaikan alokasi: {name}',
    adjustSubmit: 'Simpan penyesuaian',
    adjusted: 'Alokasi {name} sekarang {amount}.',
    increase: 'Tambah',
    decrease: 'Kurangi',
    bulk: 'Alokasikan ke banyak desa',
    bulkText: 'Setiap desa dikirim sebagai permintaan tersendiri, sehingga satu penolakan tidak menghentikan yang lain. Hasil setiap desa ditampilkan di bawah.',
    bulkHow: 'Cara memilih desa',
    tabPick: 'Pilih desa',
    tabCsv: 'Dari CSV',
    villages: 'Desa',
    selectAllIn: 'Pilih semua desa di Kecamatan {district} ({n})',
    selectAllShown: 'Pilih semua desa yang tampil ({n})',
    noVillagesFound: 'Tidak ada desa yang cocok.',
    selected: '{n} desa dipilih',
    selectedTotal: '{n} desa dipilih · jumlah {total}',
    allocateSubmit: 'Alokasikan ke desa terpilih',
    allocateCsvSubmit: 'Alokasikan dari CSV',
    results: 'Hasil alokasi ({n} desa)',
    progress: '{done} dari {total} desa diproses',
    summary: '{created} dibuat · {refused} ditolak',
    resendFailed: 'Kirim ulang yang gagal terkirim ({n})',
    result: {
      created: 'Dibuat',
      exists: 'Sudah ada alokasi',
      pastCeiling: 'Melewati pagu',
      village: 'Desa tidak dikenal atau tidak aktif',
      closed: 'Program ditutup',
      failed: 'Gagal terkirim',
      other: 'Ditolak',
    },
    amount: 'Jumlah',
    outcome: 'Hasil',
    line: 'Baris',
    loadingVillages: 'Memuat daftar desa…',
  },
  en: {
    programs: 'Programs of the fiscal year',
    newProgram: 'New program',
    createProgram: 'Create program',
    created: 'Program "{name}" created.',
    noPrograms: 'No programs for fiscal year {year} yet. Create the first with "New program".',
    program: 'Program',
    status: 'Status',
    open: 'Open',
    openProgram: 'Open program {name}',
    field: {
      name: 'Program name',
      fundingSource: 'Funding source',
      activityCode: 'Activity code',
      newCeiling: 'New ceiling',
      reason: 'Reason',
      direction: 'Direction',
      by: 'By',
      district: 'District (kecamatan)',
      search: 'Search village names',
      amountEach: 'Amount for each village',
      note: 'Note (optional)',
      csvFile: 'Upload a CSV file',
      csvText: 'Or paste the CSV',
    },
    hint: {
      rupiah: 'Whole rupiah, for example 150.000.000.',
      activityCode: 'The Permendagri activity code, for example 1.4.08.',
      csv: 'One village per line: village code,amount[,note]. Example: 33.03.01.2001,25000000,Village internet',
      revision: 'Ceiling now {ceiling}; allocated {allocated}. The ceiling cannot go below what is allocated.',
      adjust: 'Allocation {amount}; spent {spent}; left of the program\'s ceiling {available}.',
    },
    rule: {
      amount: 'Write a whole number of rupiah above zero, for example 150.000.000 (no cents).',
      tooLarge: 'Too large: at most Rp 10.000.000.000.000.',
      activityCode: 'Write an activity code such as 1.4.08 (numbers separated by dots).',
      belowAllocated: 'The ceiling cannot go below what is allocated ({allocated}).',
      decreaseBelowSpent: 'The allocation cannot go below what was spent ({spent}): decrease by at most {max}.',
      increasePastCeiling: 'That passes the program\'s ceiling: increase by at most {max}.',
      noVillages: 'Pick at least one village.',
      csvEmpty: 'Paste or upload a CSV with at least one line.',
      csvProblems: 'Fix these CSV lines, then send again; nothing was sent yet.',
    },
    csvProblem: {
      columns: 'Line {line}: must be village code,amount[,note].',
      code: 'Line {line}: the village code must look like NN.NN.NN.NNNN.',
      amount: 'Line {line}: the amount must be whole rupiah above zero.',
      duplicate: 'Line {line}: this village is already on line {first}.',
    },
    conflict: {
      belowAllocated: 'The new ceiling is below what is already allocated to villages. Decrease allocations first, or choose a larger ceiling.',
      closed: 'This program is closed: nothing on it can change any more.',
      pastCeiling: 'That passes the program\'s ceiling: not enough is left of it.',
      belowSpent: 'The allocation cannot be less than what the village already spent.',
      exists: 'This village already has an allocation in this program. Adjust that allocation if needed.',
      village: 'The village is unknown or inactive.',
    },
    revise: 'Revise the ceiling',
    reviseSubmit: 'Save the new ceiling',
    revised: 'Ceiling revised to {ceiling}.',
    close: 'Close the program',
    closeText: 'A closed program takes no new allocations, adjustments or spending. The closing is recorded in the ledger and cannot be undone.',
    closeStart: 'Close the program…',
    closeQuestion: 'Close "{name}"? Once closed, no allocation, adjustment, ceiling revision or spending can be recorded on it.',
    closeConfirm: 'Yes, close the program',
    closedDone: 'Program closed. Every later change to it will be refused.',
    closedNote: 'This program is closed: the figures below are final.',
    allocations: 'Allocations to villages',
    noAllocations: 'No allocations in this program yet.',
    village: 'Village',
    district: 'District',
    adjust: 'Adjust',
    adjustVillage: 'Adjust the allocation of {name}',
    adjustTitle: 'Adjust the allocation: {name}',
    adjustSubmit: 'Save the adjustment',
    adjusted: 'The allocation of {name} is now {amount}.',
    increase: 'Increase',
    decrease: 'Decrease',
    bulk: 'Allocate to many villages',
    bulkText: 'Each village is sent as its own request, so one refusal stops no other. Each village\'s result is shown below.',
    bulkHow: 'How to choose villages',
    tabPick: 'Pick villages',
    tabCsv: 'From a CSV',
    villages: 'Villages',
    selectAllIn: 'Select every village in {district} ({n})',
    selectAllShown: 'Select every village shown ({n})',
    noVillagesFound: 'No village matches.',
    selected: '{n} villages selected',
    selectedTotal: '{n} villages selected · total {total}',
    allocateSubmit: 'Allocate to the selected villages',
    allocateCsvSubmit: 'Allocate from the CSV',
    results: 'Allocation results ({n} villages)',
    progress: '{done} of {total} villages done',
    summary: '{created} created · {refused} refused',
    resendFailed: 'Send again those that failed to send ({n})',
    result: {
      created: 'Created',
      exists: 'Already allocated',
      pastCeiling: 'Passes the ceiling',
      village: 'Unknown or inactive village',
      closed: 'Program closed',
      failed: 'Not sent',
      other: 'Refused',
    },
    amount: 'Amount',
    outcome: 'Result',
    line: 'Line',
    loadingVillages: 'Loading villages…',
  },
});

/** What a refusal of a write on a program means, from the server's detail (all 409s share one problem type). */
export function conflictKind(error) {
  const detail = error.detail ?? '';
  if (error.status === 422) {
    return /idempotency/i.test(detail) ? 'other' : 'village';
  }
  if (error.status !== 409) {
    return error.status === 0 || error.status >= 500 ? 'failed' : 'other';
  }
  if (/is closed/i.test(detail)) {
    return 'closed';
  }
  if (/already has allocation/i.test(detail)) {
    return 'exists';
  }
  if (/would pass the program's ceiling/i.test(detail)) {
    return 'pastCeiling';
  }
  if (/below what is allocated/i.test(detail)) {
    return 'belowAllocated';
  }
  if (/below what is spent/i.test(detail)) {
    return 'belowSpent';
  }
  return 'other';
}

/** The page's words for a refusal, with the server's own as detail (forms.js shows both). */
function explain(error) {
  const kind = conflictKind(error);
  if (['belowAllocated', 'closed', 'pastCeiling', 'belowSpent', 'exists', 'village'].includes(kind)) {
    error.message = t(`conflict.${kind}`);
  }
  return error;
}

function amountRule(text) {
  const value = parseRupiah(text);
  if (value === null || value < 1) {
    return t('rule.amount');
  }
  return value > MAX_AMOUNT ? t('rule.tooLarge') : null;
}

const state = {
  year: currentFiscalYear(),
  programs: [],
  program: null,
  allocations: [],
  villages: new Map(),
  districts: [],
  shown: [],
  selected: new Map(),
  adjusting: null,
  lastBulk: null,
  message: null,
};

startPage({
  title: 'common.console.FINANCE_OFFICER',
  roles: ['FINANCE_OFFICER'],
  render: async ({ me, site }) => {
    greet(me);
    onLanguageChange(() => greet(me));
    const requested = Number(new URLSearchParams(location.search).get('fiscalYear'));
    if (Number.isInteger(requested) && requested >= 2000 && requested <= 2100) {
      state.year = requested;
    }
    setUpYearPicker();
    setUpProgramForm();
    setUpRevision();
    setUpClosing();
    setUpAdjustment();
    setUpBulk(site);
    await Promise.all([loadPrograms(), learnRegency(site.regencyCode).catch(() => {})]);
    const wanted = new URLSearchParams(location.search).get('program');
    if (wanted && state.programs.some((p) => p.id === wanted)) {
      await openProgram(wanted, { focus: false });
    }
    onLanguageChange(() => {
      fillFundingSources();
      drawPrograms();
      drawProgram();
      drawPicker();
      drawBulkResults();
    });
  },
});

// The year ------------------------------------------------------------------------------------------------------

function setUpYearPicker() {
  const select = byId('fiscal-year');
  const now = currentFiscalYear();
  const years = [];
  for (let year = now + 1; year >= now - 4; year -= 1) {
    years.push(year);
  }
  if (!years.includes(state.year)) {
    years.push(state.year);
  }
  fill(select, years.map((year) => el('option', { value: year, selected: year === state.year }, String(year))));
  select.addEventListener('change', async () => {
    state.year = Number(select.value);
    const url = new URL(location.href);
    url.searchParams.set('fiscalYear', String(state.year));
    url.searchParams.delete('program');
    history.replaceState(null, '', url);
    state.program = null;
    byId('program-detail').hidden = true;
    await loadPrograms();
  });
  byId('year-form').addEventListener('submit', (event) => event.preventDefault());
}

// Programs ------------------------------------------------------------------------------------------------------

async function loadPrograms() {
  const list = byId('program-list');
  try {
    const page = await api(`/api/budget/programs?fiscalYear=${state.year}&size=500`);
    state.programs = page.items;
    drawPrograms();
  } catch (error) {
    showPageError(list, error, { retry: loadPrograms });
  }
}

function drawPrograms() {
  const list = byId('program-list');
  if (state.programs.length === 0) {
    fill(list, el('p', { class: 'empty' }, t('noPrograms', { year: state.year })));
    return;
  }
  const sorted = [...state.programs].sort((a, b) => (a.activityCode ?? '').localeCompare(b.activityCode ?? '', 'en',
    { numeric: true }) || a.name.localeCompare(b.name));
  fill(list, el('table', { class: 'table-stack programs-table' },
    el('caption', { class: 'visually-hidden' }, t('programs')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('program')),
      el('th', { scope: 'col', class: 'num' }, tc('money.ceiling')),
      el('th', { scope: 'col', class: 'num' }, tc('money.allocated')),
      el('th', { scope: 'col', class: 'num' }, tc('money.spent')),
      el('th', { scope: 'col', class: 'num' }, tc('money.available')),
      el('th', { scope: 'col' }, t('status')),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('open'))))),
    el('tbody', {}, sorted.map((p) => el('tr', {
      class: p.id === state.program?.id ? 'is-current' : null, dataset: { programId: p.id },
    },
    el('th', { scope: 'row' }, el('span', { class: 'row-name' }, p.name),
      el('span', { class: 'row-meta' }, `${p.activityCode} · ${p.fundingSource} ${tc(`fundingSource.${p.fundingSource}`)}`)),
    el('td', { class: 'num', 'data-label': tc('money.ceiling') }, rupiah(p.ceiling)),
    el('td', { class: 'num', 'data-label': tc('money.allocated') }, rupiah(p.allocated)),
    el('td', { class: 'num', 'data-label': tc('money.spent') }, rupiah(p.spent)),
    el('td', { class: 'num', 'data-label': tc('money.available') }, rupiah(p.available)),
    el('td', { 'data-label': t('status') }, statusTag(p.status)),
    el('td', { class: 'action-cell' }, el('button', {
      type: 'button', class: 'button button-small button-secondary open-program',
      'aria-label': t('openProgram', { name: p.name }),
      on: { click: () => openProgram(p.id) },
    }, t('open'))))))));
}

function statusTag(status) {
  return el('span', { class: `tag ${status === 'OPEN' ? '' : 'tag-closed'}`.trim() }, tc(`programStatus.${status}`));
}

function fillFundingSources() {
  const select = byId('program-source');
  const chosen = select.value;
  fill(select, el('option', { value: '' }, '—'), FUNDING_SOURCES.map((code) => el('option',
    { value: code, selected: code === chosen }, `${code} · ${tc(`fundingSource.${code}`)}`)));
}

function setUpProgramForm() {
  fillFundingSources();
  const card = byId('program-form-card');
  const toggle = byId('new-program-toggle');
  const show = (open) => {
    card.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      byId('program-name').focus();
    }
  };
  toggle.addEventListener('click', () => show(card.hidden));
  byId('program-cancel').addEventListener('click', () => {
    show(false);
    toggle.focus();
  });
  bindForm(byId('program-form'), {
    check: (values) => {
      const problems = {};
      const ceiling = amountRule(values.ceiling);
      if (values.ceiling && ceiling) {
        problems.ceiling = ceiling;
      }
      if (values.activityCode && !/^\d+(\.\d+)+$/.test(values.activityCode)) {
        problems.activityCode = t('rule.activityCode');
      }
      return problems;
    },
    fieldMessages: { ceiling: t('rule.amount') },
    submit: ({ values, idempotencyKey }) => api('/api/budget/programs', {
      method: 'POST', idempotencyKey,
      body: {
        fiscalYear: state.year, name: values.name, ceiling: parseRupiah(values.ceiling),
        fundingSource: values.fundingSource, activityCode: values.activityCode,
      },
    }),
    done: async (program) => {
      show(false);
      fillFundingSources();
      flash('program-message', t('created', { name: program.name }));
      await loadPrograms();
      await openProgram(program.id);
    },
  });
}

function flash(id, text, kind = 'success') {
  fill(byId(id), el('div', { class: `alert alert-${kind}` }, el('p', {}, text)));
}

// One program ---------------------------------------------------------------------------------------------------

async function openProgram(id, { focus = true } = {}) {
  const detail = byId('program-detail');
  try {
    const [program, allocations] = await Promise.all([
      api(`/api/budget/programs/${encodeURIComponent(id)}`),
      api(`/api/budget/allocations?programId=${encodeURIComponent(id)}&size=500`),
    ]);
    if (state.program?.id !== id) {
      fill(byId('detail-message'));
      byId('bulk-results').hidden = true;
      state.lastBulk = null;
      closeAdjustment();
      resetClosing();
    }
    state.program = program;
    state.allocations = allocations.items;
    await learnVillageNames(state.allocations.map((a) => a.villageCode));
    const url = new URL(location.href);
    url.searchParams.set('program', id);
    history.replaceState(null, '', url);
    detail.hidden = false;
    drawPrograms();
    drawProgram();
    if (focus) {
      detail.focus();
      detail.scrollIntoView({ block: 'start' });
    }
  } catch (error) {
    detail.hidden = false;
    fill(byId('detail-message'));
    showPageError(byId('detail-message'), error, { retry: () => openProgram(id) });
  }
}

async function refreshProgram() {
  if (state.program) {
    await Promise.all([openProgram(state.program.id, { focus: false }), loadPrograms()]);
  }
}

function drawProgram() {
  const p = state.program;
  if (!p) {
    return;
  }
  const open = p.status === 'OPEN';
  byId('detail-eyebrow').textContent = `${p.activityCode} · ${p.fundingSource} ${tc(`fundingSource.${p.fundingSource}`)} · ${p.fiscalYear}`;
  byId('detail-title').textContent = p.name;
  fill(byId('detail-status'), statusTag(p.status));
  const stat = (label, value, extra, accent) => el('div', { class: `stat card ${accent ?? ''}`.trim() },
    el('span', { class: 'stat-label' }, label), el('span', { class: 'stat-value' }, value),
    extra ? el('span', { class: 'stat-note' }, extra) : null);
  fill(byId('detail-stats'),
    stat(tc('money.ceiling'), rupiah(p.ceiling), null, 'stat-accent'),
    stat(tc('money.allocated'), rupiah(p.allocated), percent(rateOf(p.allocated, p.ceiling))),
    stat(tc('money.spent'), rupiah(p.spent), percent(rateOf(p.spent, p.allocated))),
    stat(tc('money.available'), rupiah(p.available), null, 'stat-gold'));
  byId('detail-actions').hidden = !open;
  byId('bulk-card').hidden = !open && !state.lastBulk;
  byId('bulk-input').hidden = !open;
  if (!open) {
    if (!byId('detail-message').querySelector('.alert')) {
      flash('detail-message', t('closedNote'), 'info');
    }
    closeAdjustment();
  }
  byId('revision-ceiling-hint').textContent = t('hint.revision',
    { ceiling: rupiah(p.ceiling), allocated: rupiah(p.allocated) });
  byId('close-question').textContent = t('closeQuestion', { name: p.name });
  drawAllocations();
  if (state.adjusting) {
    const current = state.allocations.find((a) => a.id === state.adjusting.id);
    if (current) {
      state.adjusting = current;
      drawAdjustHeading();
    }
  }
}

function villageLabel(code) {
  const village = state.villages.get(code);
  return village ? village.name : code;
}

function drawAllocations() {
  const p = state.program;
  const container = byId('allocation-list');
  if (state.allocations.length === 0) {
    fill(container, el('p', { class: 'empty' }, t('noAllocations')));
    return;
  }
  const rows = [...state.allocations].sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  const total = (field) => rows.reduce((sum, a) => sum + BigInt(a[field]), 0n);
  fill(container, el('div', { class: 'table-wrap' }, el('table', { class: 'table-stack allocations-table' },
    el('caption', { class: 'visually-hidden' }, t('allocations')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('village')),
      el('th', { scope: 'col' }, t('district')),
      el('th', { scope: 'col', class: 'num' }, tc('money.allocated')),
      el('th', { scope: 'col', class: 'num' }, tc('money.spent')),
      el('th', { scope: 'col', class: 'num' }, tc('money.remaining')),
      p.status === 'OPEN' ? el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, t('adjust'))) : null)),
    el('tbody', {}, rows.map((a) => el('tr', { dataset: { villageCode: a.villageCode, allocationId: a.id } },
      el('th', { scope: 'row' }, el('span', { class: 'row-name' }, villageLabel(a.villageCode)),
        el('span', { class: 'row-meta' }, a.villageCode)),
      el('td', { 'data-label': t('district') }, state.villages.get(a.villageCode)?.districtName ?? tc('notSet')),
      el('td', { class: 'num', 'data-label': tc('money.allocated') }, rupiah(a.amount)),
      el('td', { class: 'num', 'data-label': tc('money.spent') }, rupiah(a.spent)),
      el('td', { class: 'num', 'data-label': tc('money.remaining') }, rupiah(a.remaining)),
      p.status === 'OPEN' ? el('td', { class: 'action-cell' }, el('button', {
        type: 'button', class: 'button button-small button-secondary adjust-allocation',
        'aria-label': t('adjustVillage', { name: villageLabel(a.villageCode) }),
        on: { click: () => startAdjustment(a) },
      }, t('adjust'))) : null))),
    el('tfoot', {}, el('tr', {},
      el('th', { scope: 'row', colspan: 2 }, `${count(rows.length)} ${t('villages').toLowerCase()}`),
      el('td', { class: 'num', 'data-label': tc('money.allocated') }, rupiah(total('amount'))),
      el('td', { class: 'num', 'data-label': tc('money.spent') }, rupiah(total('spent'))),
      el('td', { class: 'num', 'data-label': tc('money.remaining') }, rupiah(total('remaining'))),
      p.status === 'OPEN' ? el('td') : null)))));
}

/** The regency's villages at once (a regency has a few hundred), for the tables' names and districts. */
async function learnRegency(regencyCode) {
  if (!regencyCode) {
    return;
  }
  for (let page = 0; page < 4; page += 1) {
    const found = await api(`/api/villages?regencyCode=${encodeURIComponent(regencyCode)}&size=500&page=${page}`);
    found.items.forEach((v) => state.villages.set(v.code, v));
    if ((page + 1) * 500 >= found.total) {
      return;
    }
  }
}

const unknownVillages = new Set();

/** Names and districts of villages, for the tables (allocations carry only the code). */
async function learnVillageNames(codes) {
  const missing = [...new Set(codes)].filter((code) => !state.villages.has(code) && !unknownVillages.has(code));
  for (let i = 0; i < missing.length; i += 8) {
    await Promise.all(missing.slice(i, i + 8).map(async (code) => {
      try {
        const village = await api(`/api/villages/${encodeURIComponent(code)}`);
        state.villages.set(code, village);
      } catch {
        unknownVillages.add(code); // shown by its code
      }
    }));
  }
}

// Revising the ceiling, closing ---------------------------------------------------------------------------------

function setUpRevision() {
  bindForm(byId('revision-form'), {
    check: (values) => {
      const problems = {};
      const rule = values.ceiling ? amountRule(values.ceiling) : null;
      if (rule) {
        problems.ceiling = rule;
      } else if (values.ceiling && parseRupiah(values.ceiling) < state.program.allocated) {
        problems.ceiling = t('rule.belowAllocated', { allocated: rupiah(state.program.allocated) });
      }
      return problems;
    },
    submit: async ({ values, idempotencyKey }) => {
      try {
        return await api(`/api/budget/programs/${encodeURIComponent(state.program.id)}/revisions`, {
          method: 'POST', idempotencyKey, body: { ceiling: parseRupiah(values.ceiling), reason: values.reason },
        });
      } catch (error) {
        explain(error);
        if (conflictKind(error) === 'belowAllocated') {
          error.fieldErrors = [{ field: 'ceiling', message: error.message }];
        }
        throw error;
      }
    },
    done: async (program) => {
      flash('detail-message', t('revised', { ceiling: rupiah(program?.ceiling ?? 0) }));
      await refreshProgram();
    },
  });
}

function resetClosing() {
  byId('close-form').hidden = true;
  byId('close-start').hidden = false;
  byId('close-start').setAttribute('aria-expanded', 'false');
}

function setUpClosing() {
  const start = byId('close-start');
  start.addEventListener('click', () => {
    byId('close-form').hidden = false;
    start.hidden = true;
    start.setAttribute('aria-expanded', 'true');
    byId('close-form').querySelector('button[type=submit]').focus();
  });
  byId('close-cancel').addEventListener('click', () => {
    resetClosing();
    start.focus();
  });
  bindForm(byId('close-form'), {
    submit: async ({ idempotencyKey }) => {
      try {
        return await api(`/api/budget/programs/${encodeURIComponent(state.program.id)}/close`,
          { method: 'POST', idempotencyKey });
      } catch (error) {
        throw explain(error);
      }
    },
    done: async () => {
      resetClosing();
      flash('detail-message', t('closedDone'));
      await refreshProgram();
      byId('detail-message').querySelector('.alert')?.setAttribute('tabindex', '-1');
      byId('detail-title').scrollIntoView({ block: 'start' });
    },
  });
}

// Adjusting one allocation --------------------------------------------------------------------------------------

function startAdjustment(allocation) {
  state.adjusting = allocation;
  const card = byId('adjust-card');
  clearErrors(byId('adjust-form'));
  byId('adjust-form').reset();
  card.hidden = false;
  drawAdjustHeading();
  card.scrollIntoView({ block: 'nearest' });
  byId('adjust-amount').focus();
}

function drawAdjustHeading() {
  const a = state.adjusting;
  byId('adjust-title').textContent = t('adjustTitle', { name: `${villageLabel(a.villageCode)} (${a.villageCode})` });
  byId('adjust-amount-hint').textContent = t('hint.adjust',
    { amount: rupiah(a.amount), spent: rupiah(a.spent), available: rupiah(state.program.available) });
}

function closeAdjustment() {
  state.adjusting = null;
  byId('adjust-card').hidden = true;
}

function setUpAdjustment() {
  byId('adjust-cancel').addEventListener('click', closeAdjustment);
  bindForm(byId('adjust-form'), {
    keepValues: true,
    check: (values) => {
      const rule = values.amount ? amountRule(values.amount) : null;
      if (rule) {
        return { amount: rule };
      }
      const by = parseRupiah(values.amount);
      const a = state.adjusting;
      if (values.direction === 'down' && by > a.amount - a.spent) {
        return { amount: t('rule.decreaseBelowSpent', { spent: rupiah(a.spent), max: rupiah(a.amount - a.spent) }) };
      }
      if (values.direction === 'up' && by > state.program.available) {
        return { amount: t('rule.increasePastCeiling', { max: rupiah(state.program.available) }) };
      }
      return {};
    },
    submit: async ({ values, idempotencyKey }) => {
      const by = parseRupiah(values.amount);
      try {
        return await api(`/api/budget/allocations/${encodeURIComponent(state.adjusting.id)}/adjustments`, {
          method: 'POST', idempotencyKey,
          body: { delta: values.direction === 'down' ? -by : by, reason: values.reason },
        });
      } catch (error) {
        explain(error);
        if (['pastCeiling', 'belowSpent'].includes(conflictKind(error))) {
          error.fieldErrors = [{ field: 'amount', message: error.message }];
        }
        throw error;
      }
    },
    done: async (allocation) => {
      const code = state.adjusting.villageCode;
      closeAdjustment();
      flash('detail-message', t('adjusted', { name: villageLabel(code), amount: rupiah(allocation?.amount ?? 0) }));
      await refreshProgram();
    },
  });
}

// Allocating to many villages -----------------------------------------------------------------------------------

function setUpBulk(site) {
  const tabs = [byId('tab-pick'), byId('tab-csv')];
  const select = (tab) => {
    tabs.forEach((other) => {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      byId(other.getAttribute('aria-controls')).hidden = !on;
    });
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        select(next);
        next.focus();
        event.preventDefault();
      }
    });
  });
  setUpPicker(site);
  setUpCsv();
}

async function setUpPicker(site) {
  const district = byId('pick-district');
  const search = byId('pick-search');
  try {
    state.districts = await api(`/api/districts?regencyCode=${encodeURIComponent(site.regencyCode ?? '')}`);
  } catch {
    state.districts = [];
  }
  fill(district, state.districts.map((d) => el('option', { value: d.code }, `${d.name} (${d.villages})`)));
  district.addEventListener('change', loadShownVillages);
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(loadShownVillages, 250);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      loadShownVillages();
    }
  });
  byId('pick-all').addEventListener('change', (event) => {
    state.shown.forEach((v) => {
      if (event.target.checked) {
        state.selected.set(v.code, v);
      } else {
        state.selected.delete(v.code);
      }
    });
    drawPicker();
  });
  byId('pick-amount').addEventListener('input', drawSelectedLine);
  bindForm(byId('pick-form'), {
    keepValues: true,
    check: (values) => {
      const problems = {};
      if (state.selected.size === 0) {
        problems.all = t('rule.noVillages');
      }
      const rule = amountRule(values.amount);
      if (!values.amount) {
        problems.amount = tc('error.fieldRequired');
      } else if (rule) {
        problems.amount = rule;
      }
      return problems;
    },
    submit: ({ values, idempotencyKey }) => {
      const amount = parseRupiah(values.amount);
      const rows = [...state.selected.values()].map((v) => ({ villageCode: v.code, amount, note: values.note }));
      return allocateMany(rows, idempotencyKey);
    },
    done: () => {
      state.selected.clear();
      drawPicker();
    },
  });
  await loadShownVillages();
}

let pickerRequests = 0;

async function loadShownVillages() {
  const district = byId('pick-district').value;
  const q = byId('pick-search').value.trim();
  const params = new URLSearchParams({ size: '500' });
  if (district) {
    params.set('districtCode', district);
  }
  if (q) {
    params.set('q', q);
  }
  fill(byId('pick-villages'), el('p', { class: 'muted' }, t('loadingVillages')));
  const asked = ++pickerRequests;
  try {
    const page = await api(`/api/villages?${params}`);
    if (asked !== pickerRequests) {
      return; // a later choice of district or search is on its way
    }
    state.shown = page.items;
    page.items.forEach((v) => state.villages.set(v.code, v));
  } catch (error) {
    if (asked !== pickerRequests) {
      return;
    }
    state.shown = [];
    showPageError(byId('pick-villages'), error, { retry: loadShownVillages });
    return;
  }
  drawPicker();
}

function drawPicker() {
  const list = byId('pick-villages');
  const all = byId('pick-all');
  const districtName = state.districts.find((d) => d.code === byId('pick-district').value)?.name;
  const searching = byId('pick-search').value.trim() !== '';
  byId('pick-all-label').textContent = searching || !districtName
    ? t('selectAllShown', { n: count(state.shown.length) })
    : t('selectAllIn', { district: districtName, n: count(state.shown.length) });
  const chosen = state.shown.filter((v) => state.selected.has(v.code)).length;
  all.checked = state.shown.length > 0 && chosen === state.shown.length;
  all.indeterminate = chosen > 0 && chosen < state.shown.length;
  all.disabled = state.shown.length === 0;
  if (state.shown.length === 0) {
    fill(list, el('p', { class: 'muted' }, t('noVillagesFound')));
  } else {
    fill(list, state.shown.map((v) => {
      const id = `pick-${v.code.replaceAll('.', '-')}`;
      const allocated = state.allocations.some((a) => a.villageCode === v.code);
      return el('div', { class: 'check-row' },
        el('input', {
          type: 'checkbox', id, value: v.code, checked: state.selected.has(v.code),
          on: {
            change: (event) => {
              if (event.target.checked) {
                state.selected.set(v.code, v);
              } else {
                state.selected.delete(v.code);
              }
              drawPicker();
            },
          },
        }),
        el('label', { for: id }, el('span', {}, v.name), ' ',
          el('span', { class: 'row-meta' }, v.code,
            v.status === 'INACTIVE' ? ` · ${tc('villageStatus.INACTIVE')}` : null,
            allocated ? ` · ${tc('money.allocated')}` : null)));
    }));
  }
  drawSelectedLine();
}

function drawSelectedLine() {
  const amount = parseRupiah(byId('pick-amount').value);
  const n = state.selected.size;
  byId('pick-selected').textContent = amount && n
    ? t('selectedTotal', { n: count(n), total: rupiah(BigInt(amount) * BigInt(n)) })
    : t('selected', { n: count(n) });
}

function setUpCsv() {
  byId('csv-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) {
      byId('csv-text').value = await file.text();
      byId('csv-text').dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  bindForm(byId('csv-form'), {
    keepValues: true,
    check: (values) => {
      if (!values.csv) {
        return {};
      }
      const { rows, problems } = parseAllocationCsv(values.csv, parseRupiah);
      if (problems.length > 0) {
        return {
          csv: [t('rule.csvProblems'), ...problems.slice(0, 8).map((p) => t(`csvProblem.${p.problem}`, p)),
            problems.length > 8 ? '…' : ''].filter(Boolean).join(' '),
        };
      }
      return rows.length === 0 ? { csv: t('rule.csvEmpty') } : {};
    },
    submit: ({ values, idempotencyKey }) => {
      const { rows } = parseAllocationCsv(values.csv, parseRupiah);
      return allocateMany(rows, idempotencyKey);
    },
  });
}

/** One POST per village, each with its own key; a result per village and a progress bar as they answer. */
async function allocateMany(rows, submissionKey) {
  const programId = state.program.id;
  const results = byId('bulk-results');
  results.hidden = false;
  state.lastBulk = { rows, results: [], done: 0, total: rows.length, running: true };
  await learnVillageNames(rows.map((r) => r.villageCode).slice(0, 50));
  drawBulkResults();
  results.focus();
  const answers = await sendEach(rows, {
    submissionKey,
    keyOf: (row) => row.villageCode,
    send: (row, key) => api(`/api/budget/programs/${encodeURIComponent(programId)}/allocations`, {
      method: 'POST', idempotencyKey: key,
      body: { villageCode: row.villageCode, amount: row.amount, note: row.note || null },
    }),
    progress: (done, total, result) => {
      state.lastBulk.done = done;
      state.lastBulk.results.push(result);
      drawBulkProgress();
    },
  });
  state.lastBulk = { rows, results: answers, done: rows.length, total: rows.length, running: false };
  drawBulkResults();
  await refreshProgram();
  return answers;
}

async function resendFailed() {
  const failed = state.lastBulk.results.filter((r) => !r.ok && conflictKind(r.error) === 'failed');
  const rows = failed.map((r) => ({ ...r.row, key: r.key }));
  const keep = state.lastBulk.results.filter((r) => !failed.includes(r));
  await allocateMany(rows, null);
  state.lastBulk.results = [...keep, ...state.lastBulk.results];
  state.lastBulk.total = state.lastBulk.results.length;
  state.lastBulk.done = state.lastBulk.total;
  drawBulkResults();
}

function drawBulkProgress() {
  const bulk = state.lastBulk;
  const progress = byId('bulk-progress');
  progress.max = Math.max(bulk.total, 1);
  progress.value = bulk.done;
  byId('bulk-progress-text').textContent = t('progress', { done: count(bulk.done), total: count(bulk.total) });
}

function drawBulkResults() {
  const bulk = state.lastBulk;
  if (!bulk) {
    return;
  }
  byId('bulk-results-title').textContent = t('results', { n: count(bulk.total) });
  drawBulkProgress();
  const created = bulk.results.filter((r) => r.ok).length;
  const refused = bulk.results.length - created;
  fill(byId('bulk-summary'), bulk.running ? null : [
    el('span', { class: 'tag' }, t('summary', { created: count(created), refused: count(refused) }))]);
  const failed = bulk.results.filter((r) => !r.ok && conflictKind(r.error) === 'failed').length;
  const ordered = [...bulk.results].sort((a, b) => Number(a.ok) - Number(b.ok));
  fill(byId('bulk-table'), el('table', { class: 'table-stack bulk-table' },
    el('caption', { class: 'visually-hidden' }, t('results', { n: count(bulk.total) })),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('village')),
      el('th', { scope: 'col', class: 'num' }, t('amount')),
      el('th', { scope: 'col' }, t('outcome')))),
    el('tbody', {}, ordered.map((r) => {
      const kind = r.ok ? 'created' : conflictKind(r.error);
      const label = t(`result.${['created', 'exists', 'pastCeiling', 'village', 'closed', 'failed'].includes(kind)
        ? kind : 'other'}`);
      return el('tr', { class: r.ok ? 'result-ok' : 'result-refused', dataset: { villageCode: r.row.villageCode, result: kind } },
        el('th', { scope: 'row' }, el('span', { class: 'row-name' }, villageLabel(r.row.villageCode)),
          el('span', { class: 'row-meta' }, r.row.line ? `${r.row.villageCode} · ${t('line')} ${r.row.line}` : r.row.villageCode)),
        el('td', { class: 'num', 'data-label': t('amount') }, rupiah(r.row.amount)),
        el('td', { 'data-label': t('outcome') }, el('span', { class: `tag ${r.ok ? '' : 'tag-refused'}`.trim() }, label),
          r.ok ? null : el('span', { class: 'result-detail' }, r.error.detail ?? r.error.message)));
    }))));
  const button = failed > 0 && !bulk.running ? el('button', {
    type: 'button', class: 'button button-secondary section', on: { click: resendFailed },
  }, t('resendFailed', { n: count(failed) })) : null;
  if (button) {
    byId('bulk-table').append(button);
  }
}
