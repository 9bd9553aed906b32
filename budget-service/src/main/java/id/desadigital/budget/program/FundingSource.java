package id.desadigital.budget.program;

/**
 * Sources of village revenue in Permendagri 20/2018: DDS Dana Desa (from the state budget), ADD Alokasi Dana Desa
 * (from the regency), PBK bagian dari hasil pajak dan retribusi (the regency's tax share), PBP bantuan keuangan
 * provinsi, PAD pendapatan asli desa (the village's own revenue), DLL other lawful revenue.
 */
public enum FundingSource {
    DDS, ADD, PBK, PBP, PAD, DLL
}
