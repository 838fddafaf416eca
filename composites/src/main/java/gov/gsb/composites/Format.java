package gov.gsb.composites;

/** The text a definition is written in. */
public enum Format {
    /** JSON. */
    JSON,
    /** YAML (1.1, as SnakeYAML reads it): the same structure as the JSON. */
    YAML
}
