// The administrator's console: user accounts and the village registry (to be built on this shell).
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { startPage } from '../js/layout.js';
import { greet, plannedWork } from '../js/console.js';

const t = defineStrings('admin', {
  id: {
    users: 'Akun pengguna',
    usersText: 'Membuat akun petugas, kepala desa, dan auditor; mengganti kata sandi; menonaktifkan akun.',
    villages: 'Daftar wilayah',
    villagesText: 'Mengimpor daftar wilayah Kemendagri (CSV), menetapkan kepala desa, dan status desa.',
  },
  en: {
    users: 'User accounts',
    usersText: 'Create accounts for officers, village heads and auditors; reset passwords; disable accounts.',
    villages: 'Village registry',
    villagesText: 'Import the Kemendagri area list (CSV), assign village heads and set a village\'s status.',
  },
});

startPage({
  title: 'common.console.ADMIN',
  roles: ['ADMIN'],
  render: ({ me }) => {
    const draw = () => {
      greet(me);
      plannedWork(document.getElementById('console'), [
        [t('users'), t('usersText')], [t('villages'), t('villagesText')]]);
    };
    draw();
    onLanguageChange(draw);
  },
});
