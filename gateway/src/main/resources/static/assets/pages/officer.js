// The finance officer's console: programs, allocations and the realization reports (to be built on this shell).
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { startPage } from '../js/layout.js';
import { greet, plannedWork } from '../js/console.js';

const t = defineStrings('officer', {
  id: {
    programs: 'Program dan pagu',
    programsText: 'Menyusun program tahun anggaran per sumber dana, merevisi pagu, dan menutup program.',
    allocations: 'Alokasi ke desa',
    allocationsText: 'Mengalokasikan dana program ke desa dan menyesuaikannya, dengan sisa pagu yang selalu terlihat.',
    reports: 'Laporan realisasi',
    reportsText: 'Realisasi per kecamatan, desa, kategori belanja, dan program.',
  },
  en: {
    programs: 'Programs and ceilings',
    programsText: 'Set up a fiscal year\'s programs by funding source, revise ceilings and close programs.',
    allocations: 'Allocations to villages',
    allocationsText: 'Allocate a program\'s funds to villages and adjust them, with what is left of the ceiling always in view.',
    reports: 'Realization reports',
    reportsText: 'Realization by district, village, spending category and program.',
  },
});

startPage({
  title: 'common.console.FINANCE_OFFICER',
  roles: ['FINANCE_OFFICER'],
  render: ({ me }) => {
    const draw = () => {
      greet(me);
      plannedWork(document.getElementById('console'), [
        [t('programs'), t('programsText')], [t('allocations'), t('allocationsText')], [t('reports'), t('reportsText')]]);
    };
    draw();
    onLanguageChange(draw);
  },
});
