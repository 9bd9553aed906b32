package id.desadigital.budget;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The budget ledger of village digitalization money; for now it keeps its own view of the villages. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BudgetServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BudgetServiceApplication.class, args);
    }
}
