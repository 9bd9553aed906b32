package id.desadigital.load.scenario;

/** One load scenario: sets itself up, measures, and returns its section of the report in Markdown. */
public interface Scenario {

    String title();

    String run() throws Exception;
}
