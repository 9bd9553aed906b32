package id.desadigital.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The platform's own settings ({@value #RESOURCE}: what it adds to every service, with the environment variables
 * that override them), placed below everything else, so a service's application.yml, system properties and the
 * environment all still win. A service then gets them without repeating them in its own application.yml.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "desa-platform.yml";
    static final String SOURCE_NAME = "desa-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the platform's " + RESOURCE, e);
        }
    }
}
