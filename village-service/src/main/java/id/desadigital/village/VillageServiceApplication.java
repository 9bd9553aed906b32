package id.desadigital.village;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The village registry: the regency's villages keyed by Kemendagri area code, and every change to them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VillageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VillageServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
