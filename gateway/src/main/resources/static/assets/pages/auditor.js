// The auditor's console: the ledger, its verification and exports (to be built on this shell).
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { startPage } from '../js/layout.js';
import { greet, plannedWork } from '../js/console.js';

const t = defineStrings('auditor', {
  id: {
    ledger: 'Buku besar',
    ledgerText: 'Riwayat setiap rupiah per desa dan program, urut waktu, dengan pelaku setiap perubahan.',
    verify: 'Pemeriksaan keutuhan',
    verifyText: 'Memeriksa rantai hash seluruh buku besar dan menunjukkan entri pertama yang diubah.',
    exports: 'Unduhan dan laporan',
    exportsText: 'Buku besar sebagai CSV, posisi pada tanggal tertentu, dan laporan realisasi.',
  },
  en: {
    ledger: 'Ledger',
    ledgerText: 'The history of every rupiah by village and program, in order, with who made each change.',
    verify: 'Integrity check',
    verifyText: 'Checks the hash chains of the whole ledger and names the first altered entry.',
    exports: 'Downloads and reports',
    exportsText: 'The ledger as CSV, positions as of a given moment, and realization reports.',
  },
});

startPage({
  title: 'common.console.AUDITOR',
  roles: ['AUDITOR'],
  render: ({ me }) => {
    const draw = () => {
      greet(me);
      plannedWork(document.getElementById('console'), [
        [t('ledger'), t('ledgerText')], [t('verify'), t('verifyText')], [t('exports'), t('exportsText')]]);
    };
    draw();
    onLanguageChange(draw);
  },
});
