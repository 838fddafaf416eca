package gov.gsb.composites;

/**
 * What is wrong with a definition, and where.
 *
 * @param field where, as a path into the definition, e.g. {@code steps[1].service} or {@code steps} (whole list)
 * @param message what is wrong and what would fix it, e.g. {@code unknown service tax.nothing: not in the catalog}
 */
public record Problem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
