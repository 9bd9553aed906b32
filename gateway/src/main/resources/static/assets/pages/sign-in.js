// The sign-in page: username and password, then on to the page that sent the reader here or to their role's console.
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { startPage } from '../js/layout.js';
import { bindForm } from '../js/forms.js';
import { sitePath } from '../js/api.js';
import { landingFor, signIn } from '../js/session.js';
import { el, fill } from '../js/dom.js';

const t = defineStrings('signIn', {
  id: {
    title: 'Masuk',
    lead: 'Gunakan akun yang diberikan administrator kabupaten.',
    username: 'Nama pengguna',
    password: 'Kata sandi',
    show: 'Tampilkan',
    hide: 'Sembunyikan',
    showLabel: 'Tampilkan kata sandi',
    hideLabel: 'Sembunyikan kata sandi',
    submit: 'Masuk',
    wrongCredentials: 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.',
    signedOut: 'Anda telah keluar.',
    expired: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
    needed: 'Silakan masuk untuk membuka halaman itu.',
    eyebrow: 'Untuk aparatur dan pemeriksa',
    introTitle: 'Setiap rupiah digitalisasi desa, tercatat dan dapat diperiksa',
    intro: 'Petugas keuangan kabupaten menyusun program dan mengalokasikan dana ke desa, kepala desa melaporkan belanjanya, dan auditor memeriksa riwayat lengkap yang tidak dapat diubah diam-diam.',
    roles: {
      FINANCE_OFFICER: 'Program, pagu, dan alokasi dana per desa.',
      VILLAGE_HEAD: 'Laporan belanja desa beserta kuitansinya.',
      AUDITOR: 'Buku besar, riwayat perubahan, dan keutuhan rantai hash.',
      ADMIN: 'Akun pengguna dan daftar wilayah desa.',
    },
    publicNote: 'Warga dapat melihat realisasi anggaran tanpa masuk, di',
  },
  en: {
    title: 'Sign in',
    lead: 'Use the account the regency administrator gave you.',
    username: 'Username',
    password: 'Password',
    show: 'Show',
    hide: 'Hide',
    showLabel: 'Show password',
    hideLabel: 'Hide password',
    submit: 'Sign in',
    wrongCredentials: 'Wrong username or password. Check them and try again.',
    signedOut: 'You have signed out.',
    expired: 'Your session has ended. Please sign in again.',
    needed: 'Please sign in to open that page.',
    eyebrow: 'For officials and auditors',
    introTitle: 'Every rupiah of village digitalization, recorded and open to checking',
    intro: 'Regency finance officers set up programs and allocate funds to villages, village heads report what they spent, and auditors check a complete history that cannot be changed unnoticed.',
    roles: {
      FINANCE_OFFICER: 'Programs, ceilings and each village\'s allocation.',
      VILLAGE_HEAD: 'The village\'s spending, with its receipts.',
      AUDITOR: 'The ledger, its history and the integrity of its hash chains.',
      ADMIN: 'User accounts and the village registry.',
    },
    publicNote: 'Citizens can see how the budget is spent without signing in, on the',
  },
});

const params = new URLSearchParams(location.search);
const next = params.get('next');

startPage({
  title: 'signIn.title',
  render: ({ me }) => {
    if (me) {
      location.replace(sitePath(landingFor(me, next)));
      return;
    }
    showArrivalNote();
    passwordToggle(document.getElementById('password'), document.getElementById('show-password'));
    const form = document.getElementById('sign-in-form');
    bindForm(form, {
      keepValues: true,
      submit: async ({ values }) => {
        try {
          return await signIn(values.username, values.password);
        } catch (error) {
          // The server's own words are English and say no more than ours.
          if (error.status === 401) {
            error.message = t('wrongCredentials');
          }
          if (error.status === 401 || error.status === 429) {
            error.detail = null;
          }
          throw error;
        }
      },
      focusOnError: (error) => {
        const password = document.getElementById('password');
        if (error.status === 401) {
          password.focus();
          password.select();
        } else {
          form.querySelector('.form-alert')?.focus();
        }
      },
      done: (user) => location.assign(sitePath(landingFor(user, next))),
    });
  },
});

function showArrivalNote() {
  const status = document.getElementById('sign-in-status');
  const note = params.has('signedOut') ? ['alert-success', 'signedOut']
    : params.has('expired') ? ['alert-info', 'expired']
      : next ? ['alert-info', 'needed'] : null;
  if (note) {
    fill(status, el('div', { class: `alert ${note[0]}`, role: 'status' },
      el('p', { 'data-i18n': `signIn.${note[1]}` }, t(note[1]))));
  }
}

function passwordToggle(input, button) {
  const draw = () => {
    const shown = input.type === 'text';
    fill(button, el('span', { 'aria-hidden': 'true' }, t(shown ? 'hide' : 'show')),
      el('span', { class: 'visually-hidden' }, t(shown ? 'hideLabel' : 'showLabel')));
  };
  button.addEventListener('click', () => {
    input.type = input.type === 'password' ? 'text' : 'password';
    draw();
  });
  draw();
  onLanguageChange(draw);
}
