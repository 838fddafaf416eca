package gov.gsb.sdk;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry refused a schema because data already written for the subject could not be read
 * with it (or the reverse, depending on the subject's rule). Says which field broke which rule,
 * for example {@code 'newAddress.district': READER_FIELD_MISSING_DEFAULT_VALUE}. Fatal: change
 * the contract (give the new field a default, keep the old type), or publish a new service version.
 */
public class SchemaIncompatibleException extends SerializationException implements GsbError {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final List<String> problems;

    /**
     * @param subject the registry subject, e.g. {@code gsb.civil-registry.address-changed-value}
     * @param problems one line per broken rule, each naming the field and the rule
     * @param cause the registry's refusal
     */
    public SchemaIncompatibleException(String subject, List<String> problems, Throwable cause) {
        super("schema for " + subject + " is incompatible with the registered versions: " + String.join("; ", problems)
                + ". Make the change compatible (new fields need defaults) or publish it as a new service version", cause);
        this.subject = subject;
        this.problems = List.copyOf(problems);
    }

    /**
     * @return the registry subject that refused the schema
     */
    public String subject() {
        return subject;
    }

    /**
     * @return one line per broken rule, each naming the field and the rule
     */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String errorCode() {
        return "SCHEMA_INCOMPATIBLE";
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
