// The village head's console: their village's allocations and spending (to be built on this shell).
import { defineStrings, onLanguageChange } from '../js/i18n.js';
import { startPage } from '../js/layout.js';
import { api } from '../js/api.js';
import { el } from '../js/dom.js';
import { greet, plannedWork } from '../js/console.js';

const t = defineStrings('villageHead', {
  id: {
    village: 'Desa {name}, Kecamatan {district}',
    allocations: 'Alokasi desa',
    allocationsText: 'Dana yang dialokasikan untuk desa per program, yang sudah dibelanjakan, dan sisanya.',
    spending: 'Laporan belanja',
    spendingText: 'Mencatat belanja dengan tanggal, kategori, penyedia, dan nomor kuitansi; membatalkan yang keliru.',
    report: 'Laporan realisasi semester',
    reportText: 'Laporan Realisasi Pelaksanaan APBDes untuk semester I dan II.',
  },
  en: {
    village: '{name} village, {district} district',
    allocations: 'The village\'s allocations',
    allocationsText: 'The funds allocated to the village per program, what was spent and what remains.',
    spending: 'Spending reports',
    spendingText: 'Record spending with its date, category, vendor and receipt number; reverse a mistaken one.',
    report: 'Semester realization report',
    reportText: 'The village\'s realization report for the first and second semester.',
  },
});

startPage({
  title: 'common.console.VILLAGE_HEAD',
  roles: ['VILLAGE_HEAD'],
  render: async ({ me }) => {
    const village = await api(`/api/villages/${encodeURIComponent(me.villageCode)}`);
    const draw = () => {
      greet(me, el('span', { class: 'village-name' },
        t('village', { name: village.name, district: village.districtName })));
      plannedWork(document.getElementById('console'), [
        [t('allocations'), t('allocationsText')], [t('spending'), t('spendingText')], [t('report'), t('reportText')]]);
    };
    draw();
    onLanguageChange(draw);
  },
});
