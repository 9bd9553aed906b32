package id.desadigital.budget.program;

/** The funding-source codes of Permendagri 20/2018 that a program names (each is explained in docs/glossary.md). */
public enum FundingSource {
    DDS, ADD, PBK, PBP, PAD, DLL
}
