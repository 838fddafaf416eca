package gov.gsb.composites;

import java.util.List;

/**
 * A definition that cannot be used, with every problem found. Fatal: the definition must be fixed.
 */
public class InvalidDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems what is wrong, at least one */
    public InvalidDefinitionException(List<Problem> problems) {
        super("invalid composite definition: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** @return what is wrong, field by field */
    public List<Problem> problems() {
        return problems;
    }
}
