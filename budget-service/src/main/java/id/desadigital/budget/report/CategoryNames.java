package id.desadigital.budget.report;

import java.util.Map;

import id.desadigital.budget.spending.Category;

/** The names the reports give spending categories, in Indonesian like the rest of what the public reads. */
final class CategoryNames {

    /**
     * The key of spending recorded before the accounts kept a category per allocation: in {@code spent}, in no
     * category. Only documents written before that change can have it.
     */
    static final String UNCATEGORISED = "UNCATEGORISED";

    private static final Map<String, String> NAMES = Map.of(
            Category.CONNECTIVITY.name(), "Konektivitas internet",
            Category.HARDWARE.name(), "Perangkat keras",
            Category.SOFTWARE.name(), "Perangkat lunak",
            Category.WEBSITE.name(), "Situs web desa",
            Category.TRAINING.name(), "Pelatihan",
            Category.DATA.name(), "Data desa",
            Category.OTHER.name(), "Lainnya",
            UNCATEGORISED, "Belanja sebelum kategori dicatat");

    private CategoryNames() {
    }

    static String of(String category) {
        return NAMES.get(category);
    }
}
