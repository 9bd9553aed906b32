package id.desadigital.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the web pages served at {@code /} need from the deployment.
 *
 * @param regencyName the regency (or city) whose name the pages carry in their header and footer, such as
 *                    "Kabupaten Purbalingga"
 * @param regencyCode its Kemendagri code ({@code NN.NN}); the public portal shows that regency's figures, or the
 *                    whole system's when blank
 * @param webjarCache how long a browser may keep a webjar's file: their paths carry the library's version, so a
 *                    new version is a new URL
 */
@ConfigurationProperties("desa.web")
public record WebPageProperties(String regencyName, String regencyCode, Duration webjarCache) {

    public WebPageProperties {
        regencyName = regencyName == null ? "" : regencyName.trim();
        regencyCode = regencyCode == null ? "" : regencyCode.trim();
    }
}
