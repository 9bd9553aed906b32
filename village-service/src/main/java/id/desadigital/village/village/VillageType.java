package id.desadigital.village.village;

/**
 * A desa is a self-governing village led by an elected kepala desa; a kelurahan is an urban ward run by an
 * appointed lurah. The Kemendagri code says which: the first digit of its last part is 1 for a kelurahan and
 * 2 (or 3, the "desa adat" of Papua) for a desa.
 */
public enum VillageType {
    DESA,
    KELURAHAN
}
