package id.desadigital.budget.spending;

/** What village digitalization money is spent on. */
public enum Category {
    CONNECTIVITY, HARDWARE, SOFTWARE, WEBSITE, TRAINING, DATA, OTHER
}
