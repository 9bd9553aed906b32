// The village head's console, phone first: the village's allocations for the year (amount, spent, remaining),
// reporting a spending against one with the page's own checks before anything is sent, and the village's spending
// from the ledger with a reversal for a mistaken one.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage, showPageError } from '../js/layout.js';
import { api } from '../js/api.js';
import { bindForm, clearErrors } from '../js/forms.js';
import { rupiah, date, currentFiscalYear, parseRupiah, percent, rateOf, today } from '../js/format.js';
import { el, fill, byId } from '../js/dom.js';
import { greet } from '../js/console.js';

const CATEGORIES = ['CONNECTIVITY', 'HARDWARE', 'SOFTWARE', 'WEBSITE', 'TRAINING', 'DATA', 'OTHER'];

const t = defineStrings('villageHead', {
  id: {
    village: 'Desa {name}, Kecamatan {district}',
    allocations: 'Alokasi desa',
    noAllocations: 'Belum ada alokasi untuk desa ini pada tahun anggaran {year}.',
    report: 'Laporkan belanja',
    reportText: 'Catat satu kuitansi per laporan. Jumlah tidak boleh melebihi sisa alokasi.',
    reportOn: 'Laporkan belanja',
    reportOnProgram: 'Laporkan belanja dari {name}',
    closed: 'Program ditutup',
    spending: 'Belanja yang dilaporkan',
    noSpending: 'Belum ada belanja yang dilaporkan pada tahun anggaran {year}.',
    submit: 'Kirim laporan belanja',
    recorded: 'Belanja {amount} untuk "{description}" tercatat. Sisa alokasi {remaining}.',
    field: {
      allocation: 'Alokasi (program)',
      amount: 'Jumlah (Rp)',
      spentOn: 'Tanggal kuitansi',
      category: 'Kategori belanja',
      description: 'Uraian belanja',
      vendor: 'Penyedia (opsional)',
      receiptNo: 'Nomor kuitansi (opsional)',
      reason: 'Alasan pembatalan',
    },
    hint: {
      amount: 'Rupiah utuh tanpa sen, misalnya 1.250.000.',
      description: 'Misalnya: Langganan internet kantor desa bulan Maret.',
      remaining: 'Sisa alokasi yang dapat dibelanjakan: {remaining}.',
    },
    rule: {
      amount: 'Tulis jumlah rupiah utuh lebih dari nol, misalnya 1.250.000 (tanpa sen, tanpa koma).',
      amountOver: 'Jumlah melebihi sisa alokasi: paling banyak {remaining}.',
      nothingLeft: 'Alokasi ini sudah habis dibelanjakan: tidak ada sisa untuk dilaporkan.',
      date: 'Pilih tanggal kuitansi.',
      dateFuture: 'Tanggal tidak boleh setelah hari ini.',
      dateYear: 'Tanggal harus dalam tahun anggaran {year}.',
    },
    conflict: {
      overRemaining: 'Belanja ditolak: jumlahnya melebihi sisa alokasi. Sisa alokasi saat ini {remaining}.',
      closed: 'Program ini sudah ditutup: belanja baru tidak dapat dicatat padanya.',
      reversed: 'Belanja ini sudah dibatalkan sebelumnya; tidak ada yang berubah.',
    },
    date: 'Tanggal',
    program: 'Program',
    category: 'Kategori',
    receipt: 'Kuitansi',
    amount: 'Jumlah',
    status: 'Status',
    reverse: 'Batalkan',
    reverseSpending: 'Batalkan belanja {description} ({amount})',
    reverseQuestion: 'Batalkan belanja {amount} "{description}"? Jumlahnya kembali ke sisa alokasi. Pembatalan tercatat di buku besar dan tidak dapat diulang.',
    reverseConfirm: 'Ya, batalkan belanja ini',
    reversedDone: 'Belanja {amount} dibatalkan; jumlahnya kembali ke sisa alokasi.',
    reversedBecause: 'Dibatalkan: {reason}',
    vendor: 'Penyedia',
  },
  en: {
    village: '{name} village, {district} district',
    allocations: 'The village\'s allocations',
    noAllocations: 'No allocations for this village in fiscal year {year} yet.',
    report: 'Report a spending',
    reportText: 'One receipt per report. The amount cannot be more than what is left of the allocation.',
    reportOn: 'Report spending',
    reportOnProgram: 'Report spending from {name}',
    closed: 'Program closed',
    spending: 'Reported spending',
    noSpending: 'No spending reported in fiscal year {year} yet.',
    submit: 'Send the spending report',
    recorded: 'Spending of {amount} for "{description}" recorded. {remaining} left of the allocation.',
    field: {
      allocation: 'Allocation (program)',
      amount: 'Amount (Rp)',
      spentOn: 'Receipt date',
      category: 'Spending category',
      description: 'Description',
      vendor: 'Vendor (optional)',
      receiptNo: 'Receipt number (optional)',
      reason: 'Reason for reversing',
    },
    hint: {
      amount: 'Whole rupiah without cents, for example 1.250.000.',
      description: 'For example: Village office internet subscription, March.',
      remaining: 'Left to spend of this allocation: {remaining}.',
    },
    rule: {
      amount: 'Write a whole number of rupiah above zero, for example 1.250.000 (no cents, no decimal comma).',
      amountOver: 'More than what is left of the allocation: at most {remaining}.',
      nothingLeft: 'This allocation is fully spent: nothing is left to report against.',
      date: 'Pick the receipt\'s date.',
      dateFuture: 'The date cannot be after today.',
      dateYear: 'The date must be in fiscal year {year}.',
    },
    conflict: {
      overRemaining: 'Refused: the amount is more than what is left of the allocation. Left now: {remaining}.',
      closed: 'This program is closed: no new spending can be recorded on it.',
      reversed: 'This spending was already reversed; nothing changed.',
    },
    date: 'Date',
    program: 'Program',
    category: 'Category',
    receipt: 'Receipt',
    amount: 'Amount',
    status: 'Status',
    reverse: 'Reverse',
    reverseSpending: 'Reverse the spending {description} ({amount})',
    reverseQuestion: 'Reverse the spending of {amount} "{description}"? The amount goes back to the allocation. The reversal is recorded in the ledger and cannot be repeated.',
    reverseConfirm: 'Yes, reverse this spending',
    reversedDone: 'Spending of {amount} reversed; the amount is back in the allocation.',
    reversedBecause: 'Reversed: {reason}',
    vendor: 'Vendor',
  },
});

const state = {
  me: null,
  village: null,
  year: currentFiscalYear(),
  allocations: [],
  programs: new Map(),
  spending: [],
  reversing: null,
};

startPage({
  title: 'common.console.VILLAGE_HEAD',
  roles: ['VILLAGE_HEAD'],
  render: async ({ me }) => {
    state.me = me;
    const requested = Number(new URLSearchParams(location.search).get('fiscalYear'));
    if (Number.isInteger(requested) && requested >= 2000 && requested <= 2100) {
      state.year = requested;
    }
    state.village = await api(`/api/villages/${encodeURIComponent(me.villageCode)}`);
    const drawGreeting = () => greet(me, el('span', { class: 'village-name' },
      t('village', { name: state.village.name, district: state.village.districtName })));
    drawGreeting();
    setUpYearPicker();
    setUpSpendForm();
    await load();
    onLanguageChange(() => {
      drawGreeting();
      fillCategories();
      drawAll();
    });
  },
});

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
    history.replaceState(null, '', url);
    fill(byId('spend-message'));
    fill(byId('spending-message'));
    await load();
  });
  byId('year-form').addEventListener('submit', (event) => event.preventDefault());
}

/** The year's allocations (the summary, with program names) and the village's spending from its ledger. */
async function load() {
  const code = encodeURIComponent(state.me.villageCode);
  try {
    const [summary, programs, entries] = await Promise.all([
      api(`/api/budget/villages/${code}/summary?fiscalYear=${state.year}`),
      api(`/api/budget/programs?fiscalYear=${state.year}&size=500`),
      ledgerOf(state.me.villageCode),
    ]);
    state.summary = summary;
    state.allocations = summary.allocations;
    state.programs = new Map(programs.items.map((p) => [p.id, p]));
    state.spending = spendingFrom(entries);
    drawAll();
  } catch (error) {
    showPageError(byId('allocation-list'), error, { retry: load });
  }
}

async function ledgerOf(villageCode) {
  const entries = [];
  for (let page = 0; page < 40; page += 1) {
    const found = await api(`/api/budget/ledger?villageCode=${encodeURIComponent(villageCode)}&size=500&page=${page}`);
    entries.push(...found.items);
    if ((page + 1) * 500 >= found.total) {
      break;
    }
  }
  return entries;
}

/** The year's spending, newest receipt first, each with whether (and why) it was reversed. */
function spendingFrom(entries) {
  const reversals = new Map(entries.filter((e) => e.type === 'SPENDING_REVERSED').map((e) => [e.spendingId, e]));
  return entries.filter((e) => e.type === 'SPENDING_RECORDED' && Number(e.payload?.fiscalYear) === state.year)
    .map((e) => ({
      id: e.spendingId,
      allocationId: e.allocationId,
      programId: e.programId,
      amount: e.amount,
      spentOn: e.payload.spentOn,
      category: e.payload.category,
      description: e.payload.description,
      vendor: e.payload.vendor,
      receiptNo: e.payload.receiptNo,
      recordedAt: e.occurredAt,
      reversal: reversals.get(e.spendingId) ?? null,
    }))
    .sort((a, b) => (b.spentOn ?? '').localeCompare(a.spentOn ?? '') || b.recordedAt.localeCompare(a.recordedAt));
}

function drawAll() {
  drawTotals();
  drawAllocations();
  fillAllocations();
  drawSpending();
}

function programOf(allocation) {
  return state.programs.get(allocation.programId);
}

function programName(programId) {
  return state.programs.get(programId)?.name ?? tc('notSet');
}

function isOpen(allocation) {
  return programOf(allocation)?.status !== 'CLOSED';
}

function drawTotals() {
  const s = state.summary;
  const stat = (label, value, note, accent) => el('div', { class: `card stat ${accent ?? ''}`.trim() },
    el('span', { class: 'stat-label' }, label), el('span', { class: 'stat-value' }, value),
    note ? el('span', { class: 'stat-note' }, note) : null);
  fill(byId('totals'),
    stat(tc('money.allocated'), rupiah(s.allocated), `${tc('fiscalYear')} ${state.year}`, 'stat-accent'),
    stat(tc('money.spent'), rupiah(s.spent), `${tc('money.rate')} ${percent(rateOf(s.spent, s.allocated))}`),
    stat(tc('money.remaining'), rupiah(s.remaining), null, 'stat-gold'));
}

function drawAllocations() {
  const list = byId('allocation-list');
  if (state.allocations.length === 0) {
    fill(list, el('p', { class: 'empty card' }, t('noAllocations', { year: state.year })));
    return;
  }
  const sorted = [...state.allocations].sort((a, b) =>
    (programOf(a)?.activityCode ?? '').localeCompare(programOf(b)?.activityCode ?? '', 'en', { numeric: true }));
  fill(list, el('ul', { class: 'allocation-cards' }, sorted.map((a) => {
    const p = programOf(a);
    const rate = rateOf(a.spent, a.amount);
    const fillBar = el('span', { class: 'bar-fill' });
    fillBar.style.width = `${Math.min(100, Math.round((rate ?? 0) * 100))}%`;
    return el('li', { class: 'card allocation-card', dataset: { allocationId: a.id, programId: a.programId } },
      el('div', { class: 'allocation-head' },
        el('h3', {}, p?.name ?? a.programId),
        el('span', { class: 'row-meta' }, p ? `${p.activityCode} · ${tc(`fundingSource.${p.fundingSource}`)}` : ''),
        isOpen(a) ? null : el('span', { class: 'tag tag-closed' }, t('closed'))),
      el('dl', { class: 'figures' },
        el('div', {}, el('dt', {}, tc('money.allocated')), el('dd', { class: 'amount' }, rupiah(a.amount))),
        el('div', {}, el('dt', {}, tc('money.spent')), el('dd', { class: 'spent' }, rupiah(a.spent))),
        el('div', { class: 'figure-remaining' }, el('dt', {}, tc('money.remaining')),
          el('dd', { class: 'remaining' }, rupiah(a.remaining)))),
      el('div', { class: 'allocation-foot' },
        el('span', { class: 'bar', role: 'img', 'aria-label': `${tc('money.rate')} ${percent(rate)}` }, fillBar),
        el('span', { class: 'rate' }, percent(rate)),
        isOpen(a) && a.remaining > 0 ? el('button', {
          type: 'button', class: 'button button-small report-here',
          'aria-label': t('reportOnProgram', { name: p?.name ?? '' }),
          on: { click: () => reportOn(a.id) },
        }, t('reportOn')) : null));
  })));
}

function fillCategories() {
  const select = byId('spend-category');
  const chosen = select.value;
  fill(select, el('option', { value: '' }, '—'), CATEGORIES.map((code) => el('option',
    { value: code, selected: code === chosen }, tc(`category.${code}`))));
}

function fillAllocations() {
  const select = byId('spend-allocation');
  const chosen = select.value;
  const open = state.allocations.filter(isOpen);
  fill(select, open.length === 1 ? null : el('option', { value: '' }, '—'), open.map((a) => el('option',
    { value: a.id, selected: a.id === chosen || open.length === 1 },
    `${programOf(a)?.name ?? a.programId} · ${tc('money.remaining')} ${rupiah(a.remaining)}`)));
  byId('spend-card').hidden = open.length === 0;
  drawRemainingHint();
}

function chosenAllocation() {
  return state.allocations.find((a) => a.id === byId('spend-allocation').value) ?? null;
}

function drawRemainingHint() {
  const a = chosenAllocation();
  byId('spend-allocation-hint').textContent = a ? t('hint.remaining', { remaining: rupiah(a.remaining) }) : '';
}

function reportOn(allocationId) {
  byId('spend-allocation').value = allocationId;
  byId('spend-allocation').dispatchEvent(new Event('change', { bubbles: true }));
  byId('spend-card').scrollIntoView({ block: 'start' });
  byId('spend-amount').focus();
}

function setUpSpendForm() {
  fillCategories();
  const form = byId('spend-form');
  byId('spend-allocation').addEventListener('change', drawRemainingHint);
  byId('spend-date').max = today();
  bindForm(form, {
    check: (values) => {
      const problems = {};
      const a = chosenAllocation();
      if (values.amount) {
        const amount = parseRupiah(values.amount);
        if (amount === null || amount < 1) {
          problems.amount = t('rule.amount');
        } else if (a && a.remaining < 1) {
          problems.amount = t('rule.nothingLeft');
        } else if (a && amount > a.remaining) {
          problems.amount = t('rule.amountOver', { remaining: rupiah(a.remaining) });
        }
      }
      if (values.spentOn) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(values.spentOn)) {
          problems.spentOn = t('rule.date');
        } else if (values.spentOn > today()) {
          problems.spentOn = t('rule.dateFuture');
        } else if (Number(values.spentOn.slice(0, 4)) !== state.year) {
          problems.spentOn = t('rule.dateYear', { year: state.year });
        }
      }
      return problems;
    },
    submit: async ({ values, idempotencyKey }) => {
      const allocation = chosenAllocation();
      try {
        const spending = await api(`/api/budget/allocations/${encodeURIComponent(allocation.id)}/spending`, {
          method: 'POST', idempotencyKey,
          body: {
            amount: parseRupiah(values.amount), spentOn: values.spentOn, category: values.category,
            description: values.description, vendor: values.vendor || null, receiptNo: values.receiptNo || null,
          },
        });
        return { spending, values };
      } catch (error) {
        // The server's words for a refused field are English; the page's own rule says it in the reader's language.
        const own = { amount: t('rule.amount'), spentOn: t('rule.date') };
        error.fieldErrors = error.fieldErrors.map((e) => (own[e.field] ? { ...e, message: own[e.field] } : e));
        if (error.status === 409) {
          if (/is closed/i.test(error.detail ?? '')) {
            error.message = t('conflict.closed');
          } else if (/would pass the allocation/i.test(error.detail ?? '')) {
            await load();
            const remaining = state.allocations.find((a) => a.id === allocation.id)?.remaining ?? allocation.remaining;
            error.message = t('conflict.overRemaining', { remaining: rupiah(remaining) });
            error.fieldErrors = [{ field: 'amount', message: t('rule.amountOver', { remaining: rupiah(remaining) }) }];
          }
        }
        throw error;
      }
    },
    done: async ({ spending, values }) => {
      const allocationId = spending.allocationId;
      await load();
      const a = state.allocations.find((x) => x.id === allocationId);
      if (a) {
        byId('spend-allocation').value = a.id;
        drawRemainingHint();
      }
      fill(byId('spend-message'), el('div', { class: 'alert alert-success', tabindex: '-1' }, el('p', {},
        t('recorded', { amount: rupiah(spending.amount), description: values.description,
          remaining: rupiah(a?.remaining ?? 0) }))));
      byId('spend-message').firstChild.focus();
    },
  });
  form.addEventListener('input', () => fill(byId('spend-message')));
}

// Spending and reversals ----------------------------------------------------------------------------------------

function drawSpending() {
  const list = byId('spending-list');
  if (state.spending.length === 0) {
    fill(list, el('p', { class: 'empty' }, t('noSpending', { year: state.year })));
    return;
  }
  fill(list, el('ul', { class: 'spending-list' }, state.spending.map((s) => {
    const reversed = Boolean(s.reversal);
    const allocation = state.allocations.find((a) => a.id === s.allocationId);
    const canReverse = !reversed && (!allocation || isOpen(allocation));
    return el('li', { class: `spending-item ${reversed ? 'is-reversed' : ''}`.trim(), dataset: { spendingId: s.id } },
      el('div', { class: 'spending-main' },
        el('div', {},
          el('span', { class: 'row-name' }, s.description),
          el('span', { class: 'row-meta' }, [date(s.spentOn, 'short'), tc(`category.${s.category}`),
            programName(s.programId)].join(' · ')),
          el('span', { class: 'row-meta' }, [s.vendor ? `${t('vendor')}: ${s.vendor}` : null,
            s.receiptNo ? `${t('receipt')}: ${s.receiptNo}` : null].filter(Boolean).join(' · '))),
        el('div', { class: 'spending-side' },
          el('span', { class: 'spending-amount' }, rupiah(s.amount)),
          el('span', { class: `tag ${reversed ? 'tag-closed' : ''}`.trim() },
            tc(`spendingStatus.${reversed ? 'REVERSED' : 'RECORDED'}`)))),
      reversed && s.reversal.reason ? el('p', { class: 'row-meta reversal-reason' },
        t('reversedBecause', { reason: s.reversal.reason })) : null,
      canReverse && state.reversing !== s.id ? el('button', {
        type: 'button', class: 'button button-small button-danger-outline reverse-start',
        'aria-label': t('reverseSpending', { description: s.description, amount: rupiah(s.amount) }),
        on: { click: () => startReversal(s.id) },
      }, t('reverse')) : null,
      canReverse && state.reversing === s.id ? reversalForm(s) : null);
  })));
}

function startReversal(id) {
  state.reversing = id;
  drawSpending();
  document.getElementById(`reverse-reason-${id}`)?.focus();
}

function reversalForm(s) {
  const reasonId = `reverse-reason-${s.id}`;
  const form = el('form', { class: 'reverse-form subcard', novalidate: true },
    el('p', { class: 'alert alert-info' }, t('reverseQuestion', { amount: rupiah(s.amount), description: s.description })),
    el('div', { class: 'field' },
      el('label', { for: reasonId }, t('field.reason')),
      el('input', { id: reasonId, name: 'reason', type: 'text', required: true, maxlength: 500, autocomplete: 'off' })),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'button button-danger' }, t('reverseConfirm')),
      el('button', {
        type: 'button', class: 'button button-secondary',
        on: { click: () => { state.reversing = null; drawSpending(); } },
      }, tc('cancel'))));
  bindForm(form, {
    submit: async ({ values, idempotencyKey }) => {
      try {
        return await api(`/api/budget/spending/${encodeURIComponent(s.id)}/reversal`, {
          method: 'POST', idempotencyKey, body: { reason: values.reason },
        });
      } catch (error) {
        if (error.status === 409 && /already reversed/i.test(error.detail ?? '')) {
          error.message = t('conflict.reversed');
          error.alreadyReversed = true;
        } else if (error.status === 409 && /is closed/i.test(error.detail ?? '')) {
          error.message = t('conflict.closed');
        }
        throw error;
      }
    },
    focusOnError: (error) => {
      if (error.alreadyReversed) {
        state.reversing = null;
        load().then(() => {
          fill(byId('spending-message'), el('div', { class: 'alert alert-error', role: 'alert', tabindex: '-1' },
            el('p', { class: 'alert-title' }, t('conflict.reversed')),
            error.detail ? el('p', { class: 'alert-detail' }, error.detail) : null));
          byId('spending-message').firstChild.focus();
        });
      } else {
        form.querySelector('.form-alert')?.focus();
      }
    },
    done: async () => {
      state.reversing = null;
      await load();
      clearErrors(byId('spend-form')); // what it said about the amount left no longer holds
      fill(byId('spending-message'), el('div', { class: 'alert alert-success', tabindex: '-1' },
        el('p', {}, t('reversedDone', { amount: rupiah(s.amount) }))));
      byId('spending-message').firstChild.focus();
    },
  });
  clearErrors(form);
  return form;
}
