// The administrator's console: user accounts (list, create with a village lookup for a village head, set a new
// password, enable and disable) and the import of the Kemendagri area list with an upload progress bar and the
// import's report.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { tc } from '../js/strings.js';
import { startPage } from '../js/layout.js';
import { api, ApiError, forgetSession, sitePath, token } from '../js/api.js';
import { bindForm, clearErrors, showAlert, showFieldErrors, showProblem } from '../js/forms.js';
import { count, date, dateTime } from '../js/format.js';
import { el, fill, byId } from '../js/dom.js';
import { greet } from '../js/console.js';

const t = defineStrings('admin', {
  id: {
    partsLabel: 'Bagian konsol',
    usersTitle: 'Akun pengguna',
    usersCount: '{count} akun',
    usersCaption: 'Akun pengguna, urut nama pengguna',
    username: 'Nama pengguna',
    usernameHint: '3–64 karakter: huruf kecil a–z, angka, titik, garis bawah, atau tanda hubung.',
    usernameRule: 'Gunakan 3–64 karakter: a–z, 0–9, ".", "_" atau "-".',
    usernameTaken: 'Nama pengguna ini sudah dipakai.',
    password: 'Kata sandi awal',
    passwordHint: 'Minimal 10 karakter. Sampaikan kepada pemilik akun secara langsung.',
    passwordRule: 'Kata sandi minimal 10 karakter (paling banyak 72 bita).',
    role: 'Peran',
    villageCode: 'Desa (kode Kemendagri)',
    villageHint: 'Ketik kode seperti 33.03.01.2001, atau sebagian nama desa untuk mencarinya.',
    villageRule: 'Tulis kode desa seperti 33.03.01.2001.',
    villageFound: '{type} {name}, Kecamatan {district}, {regency}',
    villageInactive: '{type} {name} berstatus nonaktif.',
    villageUnknown: 'Kode desa ini tidak ada di daftar wilayah.',
    villageRefused: 'Desa ini tidak dikenal atau tidak aktif. Periksa kodenya.',
    create: 'Buat akun',
    created: 'Akun {username} ({role}) dibuat.',
    village: 'Desa',
    status: 'Status',
    enabled: 'Aktif',
    disabled: 'Nonaktif',
    createdAt: 'Dibuat',
    createdBy: 'oleh {who}',
    passwordChanged: 'Kata sandi diganti {at}',
    actions: 'Tindakan',
    you: 'Anda',
    setPasswordFor: 'Atur kata sandi {username}',
    disable: 'Nonaktifkan',
    disableFor: 'Nonaktifkan {username}',
    enable: 'Aktifkan',
    enableFor: 'Aktifkan {username}',
    nowDisabled: 'Akun {username} dinonaktifkan: tidak dapat masuk, dan sesinya berakhir.',
    nowEnabled: 'Akun {username} diaktifkan kembali.',
    passwordDialog: 'Kata sandi baru untuk {username}',
    passwordEffect: 'Sesi pengguna ini yang sedang berjalan berakhir; ia masuk lagi dengan kata sandi baru.',
    newPassword: 'Kata sandi baru',
    setPassword: 'Simpan kata sandi',
    setPasswordShort: 'Atur kata sandi',
    passwordSet: 'Kata sandi {username} diganti.',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pageOf: 'Halaman {page} dari {pages}',
    pagerLabel: 'Halaman daftar akun',
    newUserTitle: 'Akun baru',
    importTitle: 'Impor daftar wilayah',
    importText: 'Berkas CSV daftar wilayah Kemendagri, dengan baris judul seperti di bawah. Baris yang salah ditolak sendiri-sendiri; baris lainnya tetap masuk. Mengimpor berkas yang sama lagi tidak mengubah apa pun.',
    importFile: 'Berkas CSV',
    importSend: 'Unggah dan impor',
    importChoose: 'Pilih berkas CSV terlebih dahulu.',
    uploading: 'Mengunggah {file}: {percent}',
    processing: 'Berkas terunggah; server sedang memproses {count} baris…',
    processingUnknown: 'Berkas terunggah; server sedang memproses…',
    finished: 'Selesai: {file}',
    failed: 'Impor gagal.',
    reportTitle: 'Hasil impor',
    createdCount: 'Baru',
    updatedCount: 'Diperbarui',
    unchangedCount: 'Tidak berubah',
    rejectedCount: 'Ditolak',
    rejectedTitle: 'Baris yang ditolak',
    rejectedCaption: 'Baris yang ditolak, dengan nomor baris seperti di penyunting teks (baris judul = 1)',
    line: 'Baris',
    reason: 'Alasan',
    noneRejected: 'Semua baris diterima.',
    moreRejected: 'dan {count} baris lain yang ditolak.',
  },
  en: {
    partsLabel: 'Console sections',
    usersTitle: 'User accounts',
    usersCount: '{count} accounts',
    usersCaption: 'User accounts, by username',
    username: 'Username',
    usernameHint: '3–64 characters: lower-case a–z, digits, dot, underscore or hyphen.',
    usernameRule: 'Use 3–64 characters: a–z, 0–9, ".", "_" or "-".',
    usernameTaken: 'This username is taken.',
    password: 'Initial password',
    passwordHint: 'At least 10 characters. Hand it to the account\'s owner in person.',
    passwordRule: 'The password needs at least 10 characters (at most 72 bytes).',
    role: 'Role',
    villageCode: 'Village (Kemendagri code)',
    villageHint: 'Type a code such as 33.03.01.2001, or part of a village\'s name to look it up.',
    villageRule: 'Write a village code such as 33.03.01.2001.',
    villageFound: '{type} {name}, {district} district, {regency}',
    villageInactive: '{type} {name} is inactive.',
    villageUnknown: 'This code is not in the area list.',
    villageRefused: 'This village is unknown or inactive. Check the code.',
    create: 'Create account',
    created: 'Account {username} ({role}) created.',
    village: 'Village',
    status: 'Status',
    enabled: 'Active',
    disabled: 'Disabled',
    createdAt: 'Created',
    createdBy: 'by {who}',
    passwordChanged: 'Password changed {at}',
    actions: 'Actions',
    you: 'You',
    setPasswordFor: 'Set the password of {username}',
    disable: 'Disable',
    disableFor: 'Disable {username}',
    enable: 'Enable',
    enableFor: 'Enable {username}',
    nowDisabled: 'Account {username} disabled: it cannot sign in, and its sessions ended.',
    nowEnabled: 'Account {username} enabled again.',
    passwordDialog: 'New password for {username}',
    passwordEffect: 'This user\'s current sessions end; they sign in again with the new password.',
    newPassword: 'New password',
    setPassword: 'Save password',
    setPasswordShort: 'Set password',
    passwordSet: 'Password of {username} changed.',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page} of {pages}',
    pagerLabel: 'Account list pages',
    newUserTitle: 'New account',
    importTitle: 'Import the area list',
    importText: 'The Kemendagri area list as a CSV file, with the header line shown below. A bad row is rejected on its own; the other rows land. Importing the same file again changes nothing.',
    importFile: 'CSV file',
    importSend: 'Upload and import',
    importChoose: 'Choose a CSV file first.',
    uploading: 'Uploading {file}: {percent}',
    processing: 'Uploaded; the server is processing {count} lines…',
    processingUnknown: 'Uploaded; the server is processing…',
    finished: 'Done: {file}',
    failed: 'The import failed.',
    reportTitle: 'Import report',
    createdCount: 'Created',
    updatedCount: 'Updated',
    unchangedCount: 'Unchanged',
    rejectedCount: 'Rejected',
    rejectedTitle: 'Rejected lines',
    rejectedCaption: 'Rejected lines, numbered as an editor shows them (the header is line 1)',
    line: 'Line',
    reason: 'Reason',
    noneRejected: 'Every line was accepted.',
    moreRejected: 'and {count} more rejected lines.',
  },
});

const ROLES = ['VILLAGE_HEAD', 'FINANCE_OFFICER', 'AUDITOR', 'ADMIN'];
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const PAGE_SIZE = 50;
const REJECTED_SHOWN = 500;

const state = {
  me: null,
  users: null,
  page: 0,
  notice: null,
  passwordFor: null,
  village: null,
  created: null,
  upload: null,
  report: null,
};

startPage({
  title: 'common.console.ADMIN',
  roles: ['ADMIN'],
  render: async ({ me }) => {
    state.me = me;
    greet(me);
    setUpNewUser();
    setUpPassword();
    setUpImport();
    onLanguageChange(() => {
      greet(me);
      drawRoleSelect();
      drawUsers();
      drawNotice();
      drawVillage();
      drawCreated();
      drawUpload();
      drawReport();
      if (state.passwordFor) {
        byId('password-title').textContent = t('passwordDialog', { username: state.passwordFor });
      }
    });
    await loadUsers();
  },
});

/* Accounts ----------------------------------------------------------------------------------------------------- */

async function loadUsers() {
  const section = byId('users-section');
  section.setAttribute('aria-busy', 'true');
  try {
    state.users = await api(`/api/auth/users?page=${state.page}&size=${PAGE_SIZE}`);
    drawUsers();
  } catch (error) {
    state.users = null;
    drawUsers();
    fill(byId('users-status'), el('div', { class: 'alert alert-error', role: 'alert' },
      el('p', { class: 'alert-title' }, error.message ?? tc('error.unexpected')),
      error.detail ? el('p', { class: 'alert-detail' }, error.detail) : null));
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}

function drawUsers() {
  const box = byId('users-table');
  const page = state.users;
  if (!page) {
    fill(box);
    fill(byId('users-pager'));
    fill(byId('users-count'));
    return;
  }
  fill(byId('users-count'), t('usersCount', { count: count(page.total) }));
  const labels = { role: t('role'), village: t('village'), status: t('status'), createdAt: t('createdAt'),
    actions: t('actions') };
  fill(box, el('table', { class: 'table-stack users-table', id: 'users' },
    el('caption', { class: 'visually-hidden' }, t('usersCaption')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('username')),
      el('th', { scope: 'col' }, labels.role),
      el('th', { scope: 'col' }, labels.village),
      el('th', { scope: 'col' }, labels.status),
      el('th', { scope: 'col' }, labels.createdAt),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, labels.actions)))),
    el('tbody', {}, page.items.map(userRow))));
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  fill(byId('users-pager'), pages <= 1 ? null : el('nav', { class: 'pager-inner', 'aria-label': t('pagerLabel') },
    el('button', {
      type: 'button', class: 'button button-secondary button-small', disabled: page.page === 0,
      on: { click: () => { state.page -= 1; loadUsers(); } },
    }, t('previous')),
    el('span', { class: 'pager-where' }, t('pageOf', { page: count(page.page + 1), pages: count(pages) })),
    el('button', {
      type: 'button', class: 'button button-secondary button-small', disabled: page.page + 1 >= pages,
      on: { click: () => { state.page += 1; loadUsers(); } },
    }, t('next'))));
}

function userRow(user) {
  const self = state.me && user.username === state.me.username;
  return el('tr', { id: `user-${user.username}`, dataset: { username: user.username } },
    el('th', { scope: 'row' },
      el('span', { class: 'user-name' }, user.username),
      self ? el('span', { class: 'tag tag-gold' }, t('you')) : null),
    el('td', { 'data-label': t('role') }, tc(`role.${user.role}`)),
    el('td', { 'data-label': t('village') }, user.villageCode ?? tc('notSet')),
    el('td', { 'data-label': t('status') },
      el('span', { class: `tag user-status ${user.enabled ? '' : 'tag-off'}` },
        user.enabled ? t('enabled') : t('disabled'))),
    el('td', { 'data-label': t('createdAt') },
      el('span', {}, date(user.createdAt, 'short')),
      user.createdBy ? el('span', { class: 'row-note' }, t('createdBy', { who: user.createdBy })) : null,
      user.passwordChangedAt
        ? el('span', { class: 'row-note' }, t('passwordChanged', { at: dateTime(user.passwordChangedAt) })) : null),
    el('td', { class: 'row-actions' },
      el('button', {
        type: 'button', class: 'button button-secondary button-small action-password',
        'aria-label': t('setPasswordFor', { username: user.username }),
        on: { click: () => openPassword(user.username) },
      }, t('setPasswordShort')),
      self ? null : el('button', {
        type: 'button',
        class: `button button-small action-status ${user.enabled ? 'button-danger' : 'button-secondary'}`,
        'aria-label': t(user.enabled ? 'disableFor' : 'enableFor', { username: user.username }),
        on: { click: (event) => setEnabled(user, !user.enabled, event.currentTarget) },
      }, t(user.enabled ? 'disable' : 'enable'))));
}

async function setEnabled(user, enabled, button) {
  if (button.classList.contains('is-busy')) {
    return;
  }
  button.classList.add('is-busy');
  try {
    const account = await api(`/api/auth/users/${encodeURIComponent(user.username)}/status`, {
      method: 'PUT', body: { enabled },
    });
    Object.assign(user, account);
    state.notice = { kind: 'success', key: account.enabled ? 'nowEnabled' : 'nowDisabled', username: user.username };
  } catch (error) {
    state.notice = { kind: 'error', error };
  } finally {
    button.classList.remove('is-busy');
  }
  drawUsers();
  drawNotice();
  document.querySelector(`#user-${CSS.escape(user.username)} .action-status`)?.focus();
}

function drawNotice() {
  const box = byId('users-status');
  const n = state.notice;
  if (!n) {
    fill(box);
    return;
  }
  if (n.kind === 'error') {
    fill(box, el('div', { class: 'alert alert-error' },
      el('p', { class: 'alert-title' }, n.error.message ?? tc('error.unexpected')),
      n.error.detail ? el('p', { class: 'alert-detail' }, n.error.detail) : null));
    return;
  }
  fill(box, el('div', { class: 'alert alert-success' }, el('p', {}, t(n.key, { username: n.username }))));
}

/* Password ------------------------------------------------------------------------------------------------------ */

function setUpPassword() {
  const dialog = byId('password-dialog');
  const form = byId('password-form');
  byId('password-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    clearErrors(form);
    form.reset();
    const back = state.passwordFor && document.querySelector(`#user-${CSS.escape(state.passwordFor)} .action-password`);
    state.passwordFor = null;
    back?.focus();
  });
  bindForm(form, {
    check: (values) => (values.password.length >= 10 ? {} : { password: t('passwordRule') }),
    fieldMessages: { get password() { return t('passwordRule'); } },
    submit: ({ values }) => api(`/api/auth/users/${encodeURIComponent(state.passwordFor)}/password`, {
      method: 'PUT', body: { password: values.password },
    }),
    done: async () => {
      state.notice = { kind: 'success', key: 'passwordSet', username: state.passwordFor };
      dialog.close();
      drawNotice();
      await loadUsers();
    },
  });
}

function openPassword(username) {
  state.passwordFor = username;
  byId('password-title').textContent = t('passwordDialog', { username });
  byId('password-dialog').showModal();
  byId('p-password').focus();
}

/* New account --------------------------------------------------------------------------------------------------- */

function drawRoleSelect() {
  const select = byId('u-role');
  const chosen = select.value || ROLES[0];
  fill(select, ROLES.map((role) => el('option', { value: role, selected: role === chosen }, tc(`role.${role}`))));
}

function setUpNewUser() {
  const form = byId('new-user-form');
  const role = byId('u-role');
  const village = byId('u-village');
  drawRoleSelect();
  const showVillage = () => {
    const head = role.value === 'VILLAGE_HEAD';
    byId('u-village-field').hidden = !head;
    village.disabled = !head;
    village.required = head;
  };
  showVillage();
  role.addEventListener('change', showVillage);
  form.addEventListener('reset', () => setTimeout(() => {
    showVillage();
    state.village = null;
    drawVillage();
  }));
  let timer = null;
  village.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => lookUpVillage(village.value.trim()), 250);
  });
  bindForm(form, {
    check: (values) => {
      const problems = {};
      if (values.username && !USERNAME.test(values.username)) {
        problems.username = t('usernameRule');
      }
      if (values.password && values.password.length < 10) {
        problems.password = t('passwordRule');
      }
      if (values.role === 'VILLAGE_HEAD' && values.villageCode && !VILLAGE_CODE.test(values.villageCode)) {
        problems.villageCode = t('villageRule');
      }
      return problems;
    },
    submit: async ({ values }) => {
      const body = { username: values.username, password: values.password, role: values.role };
      if (values.role === 'VILLAGE_HEAD') {
        body.villageCode = values.villageCode;
      }
      try {
        return await api('/api/auth/users', { method: 'POST', body });
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) {
          // The page's words for the rules the gateway names; not for a 409 or 422 below, which have their own.
          const rules = { username: t('usernameRule'), password: t('passwordRule'), villageCode: t('villageRule') };
          error.fieldErrors = error.fieldErrors.map(({ field, message }) => ({ field, message: rules[field] ?? message }));
        } else if (error instanceof ApiError && error.status === 409) {
          error.message = t('usernameTaken');
          error.fieldErrors = [{ field: 'username', message: t('usernameTaken') }];
        } else if (error instanceof ApiError && error.status === 422) {
          error.message = t('villageRefused');
          error.fieldErrors = [{ field: 'villageCode', message: t('villageRefused') }];
        }
        throw error;
      }
    },
    done: async (user) => {
      state.created = user;
      drawCreated();
      await loadUsers();
    },
  });
}

function drawCreated() {
  const box = byId('new-user-done');
  const user = state.created;
  fill(box, user ? el('div', { class: 'alert alert-success' },
    el('p', {}, t('created', { username: user.username, role: tc(`role.${user.role}`) }))) : null);
}

async function lookUpVillage(text) {
  const options = byId('u-village-options');
  if (VILLAGE_CODE.test(text)) {
    try {
      const village = await api(`/api/villages/${encodeURIComponent(text)}`);
      state.village = { village };
    } catch (error) {
      state.village = error instanceof ApiError && error.status === 404 ? { unknown: true } : null;
    }
    drawVillage();
    return;
  }
  state.village = null;
  drawVillage();
  if (text.length < 3 || /^[\d.]+$/.test(text)) {
    return;
  }
  try {
    const found = await api(`/api/villages?q=${encodeURIComponent(text)}&size=10`);
    fill(options, (found.items ?? []).map((v) => el('option', { value: v.code },
      `${v.name} · ${v.districtName ?? ''}`)));
  } catch {
    // Suggestions are a convenience; the code typed is checked when the form is sent.
  }
}

function drawVillage() {
  const box = byId('u-village-found');
  const v = state.village;
  if (!v) {
    fill(box);
    box.className = 'village-found';
    return;
  }
  if (v.unknown) {
    box.className = 'village-found village-unknown';
    fill(box, t('villageUnknown'));
    return;
  }
  const village = v.village;
  const words = { type: tc(`villageType.${village.type}`), name: village.name, district: village.districtName,
    regency: village.regencyName };
  box.className = `village-found ${village.status === 'ACTIVE' ? 'village-known' : 'village-unknown'}`;
  fill(box, village.status === 'ACTIVE' ? t('villageFound', words) : t('villageInactive', words));
}

/* Village import ------------------------------------------------------------------------------------------------ */

function setUpImport() {
  const form = byId('import-form');
  const input = byId('import-file');
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    clearErrors(form);
    const file = input.files && input.files[0];
    if (!file) {
      showFieldErrors(form, [{ field: 'file', message: t('importChoose') }]);
      showAlert(form, tc('error.checkFields'));
      input.focus();
      return;
    }
    busy = true;
    const button = form.querySelector('button[type=submit]');
    button.classList.add('is-busy');
    form.setAttribute('aria-busy', 'true');
    state.report = null;
    drawReport();
    try {
      const lines = await countLines(file);
      state.report = await upload(file, lines);
      state.upload = { ...state.upload, phase: 'finished', percent: 100 };
      drawUpload();
      drawReport();
      byId('import-report').querySelector('h3')?.focus();
    } catch (error) {
      state.upload = null;
      drawUpload();
      if (!(error instanceof ApiError)) {
        throw error;
      }
      showProblem(form, error);
      form.querySelector('.form-alert')?.focus();
    } finally {
      busy = false;
      button.classList.remove('is-busy');
      form.setAttribute('aria-busy', 'false');
    }
  });
}

/** Lines of data (the header excluded) in a file, to say what the server is processing; null for a large file. */
async function countLines(file) {
  if (file.size > 16 * 1024 * 1024) {
    return null;
  }
  const text = await file.text();
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').length;
  return Math.max(0, lines - 1);
}

/**
 * Sends the file with XMLHttpRequest, whose upload events give the progress bar (fetch has none): the bar follows
 * the upload, then shows an indeterminate state while the server processes the rows, until its answer.
 */
function upload(file, lines) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    state.upload = { file: file.name, phase: 'uploading', percent: 0, lines };
    drawUpload();
    xhr.open('POST', sitePath('/api/villages/import'));
    const bearer = token();
    if (bearer) {
      xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    }
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.timeout = 15 * 60 * 1000;
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        state.upload.percent = Math.round((event.loaded / event.total) * 100);
        drawUpload();
      }
    });
    xhr.upload.addEventListener('load', () => {
      state.upload.percent = 100;
      state.upload.phase = 'processing';
      drawUpload();
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          reject(new ApiError({ status: xhr.status, message: tc('error.unexpected') }));
        }
        return;
      }
      const error = problemOf(xhr);
      if (xhr.status === 401 && bearer) {
        forgetSession();
        location.assign(sitePath(`/sign-in.html?expired=1&next=${encodeURIComponent(location.pathname)}`));
      }
      reject(error);
    });
    xhr.addEventListener('error', () => reject(new ApiError({ status: 0, message: tc('error.network') })));
    xhr.addEventListener('timeout', () => reject(new ApiError({ status: 0, message: tc('error.timeout') })));
    xhr.send(file);
  });
}

function problemOf(xhr) {
  let problem = {};
  try {
    if ((xhr.getResponseHeader('Content-Type') || '').includes('json')) {
      problem = JSON.parse(xhr.responseText);
    }
  } catch {
    // Nothing more than the status.
  }
  const known = [400, 401, 403, 404, 409, 413, 422, 429, 503].includes(xhr.status);
  const retryAfter = Number(xhr.getResponseHeader('Retry-After')) || null;
  return new ApiError({
    status: xhr.status,
    type: problem.type ?? null,
    title: problem.title ?? null,
    detail: problem.detail ?? null,
    fieldErrors: Array.isArray(problem.errors) ? problem.errors.filter((e) => e && e.field) : [],
    retryAfter,
    message: known ? tc(`error.status.${xhr.status}`, { seconds: retryAfter ?? 1 })
      : tc('error.status.other', { status: xhr.status }),
  });
}

function drawUpload() {
  const box = byId('import-progress');
  const bar = byId('import-bar');
  const phase = byId('import-phase');
  const u = state.upload;
  box.hidden = !u;
  if (!u) {
    return;
  }
  box.dataset.phase = u.phase;
  if (u.phase === 'processing') {
    // No value: an indeterminate bar, the server's work having no measure the page can see.
    bar.removeAttribute('value');
    phase.textContent = u.lines === null ? t('processingUnknown') : t('processing', { count: count(u.lines) });
  } else {
    bar.value = u.percent;
    phase.textContent = u.phase === 'finished' ? t('finished', { file: u.file })
      : t('uploading', { file: u.file, percent: `${u.percent} %` });
  }
}

function drawReport() {
  const box = byId('import-report');
  const r = state.report;
  if (!r) {
    fill(box);
    return;
  }
  const rejected = r.rejected ?? [];
  const stat = (id, label, value, extra = '') => el('div', { class: `import-stat ${extra}`, id },
    el('span', { class: 'import-stat-value' }, count(value)),
    el('span', { class: 'import-stat-label' }, label));
  fill(box, el('div', { class: 'import-report', id: 'import-result' },
    el('h3', { tabindex: '-1' }, t('reportTitle')),
    el('div', { class: 'import-stats' },
      stat('import-created', t('createdCount'), r.created),
      stat('import-updated', t('updatedCount'), r.updated),
      stat('import-unchanged', t('unchangedCount'), r.unchanged),
      stat('import-rejected', t('rejectedCount'), rejected.length, rejected.length ? 'import-stat-bad' : '')),
    rejected.length === 0 ? el('p', { class: 'alert alert-success' }, t('noneRejected')) : [
      el('h4', {}, t('rejectedTitle')),
      el('table', { class: 'rejected-table', id: 'rejected' },
        el('caption', { class: 'visually-hidden' }, t('rejectedCaption')),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', class: 'num' }, t('line')),
          el('th', { scope: 'col' }, t('reason')))),
        el('tbody', {}, rejected.slice(0, REJECTED_SHOWN).map((row) => el('tr', { dataset: { line: row.line } },
          el('td', { class: 'num' }, String(row.line)),
          el('td', {}, row.reason))))),
      rejected.length > REJECTED_SHOWN
        ? el('p', { class: 'small muted' }, t('moreRejected', { count: count(rejected.length - REJECTED_SHOWN) }))
        : null,
    ]));
}
