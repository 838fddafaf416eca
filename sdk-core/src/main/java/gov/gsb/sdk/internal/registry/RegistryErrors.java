package gov.gsb.sdk.internal.registry;

import gov.gsb.schemas.Compatibility;
import gov.gsb.sdk.BusUnavailableException;
import gov.gsb.sdk.InvalidMessageException;
import gov.gsb.sdk.NotAuthorizedException;
import gov.gsb.sdk.SchemaIncompatibleException;
import gov.gsb.sdk.SchemaNotRegisteredException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns registry answers into the SDK's errors, as Confluent's serializer does, each message saying what went wrong
 * and what to do:
 * <table>
 *   <caption>HTTP results and errors</caption>
 *   <tr><th>answer</th><th>error</th></tr>
 *   <tr><td>401, 403</td><td>{@code NotAuthorizedException} (fatal)</td></tr>
 *   <tr><td>408, 429, 5xx, unreachable, timeout</td><td>{@code BusUnavailableException} (retriable)</td></tr>
 *   <tr><td>409 on register</td><td>{@code SchemaIncompatibleException}, explained field by field (fatal)</td></tr>
 *   <tr><td>404 with a registry error code</td><td>{@code SchemaNotRegisteredException} (fatal)</td></tr>
 *   <tr><td>422</td><td>{@code InvalidMessageException}: the registry finds the schema invalid (fatal)</td></tr>
 *   <tr><td>bare 404, other 4xx, a body that is not the API's</td><td>Kafka's {@code SerializationException}:
 *       the URL does not lead to a Confluent API v7 (fatal)</td></tr>
 * </table>
 */
final class RegistryErrors {

    private final String url;

    RegistryErrors(String url) {
        this.url = url;
    }

    RuntimeException failure(HttpSchemaRegistry.Response r, String what) {
        String said = said(r);
        int status = r.status();
        if (status == 401) {
            return new NotAuthorizedException("the schema registry at " + url + " refused the credentials while " + what
                    + " (" + said + "): give the SDK a valid token for the registry", null);
        }
        if (status == 403) {
            return new NotAuthorizedException("the schema registry at " + url + " forbids " + what + " (" + said
                    + "): have the contract registered through the catalog, or ask the bus's administrators for the "
                    + "registry role this needs", null);
        }
        if (status == 422) {
            return new InvalidMessageException("the schema registry at " + url + " refused the schema as invalid while "
                    + what + " (" + said + "): fix the schema (it must parse with Avro, its defaults match their types)",
                    null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new BusUnavailableException("the schema registry at " + url + " failed while " + what + " (" + said
                    + "): try again later; if it persists, check the registry's health and logs", null);
        }
        return notTheApi(what, said);
    }

    BusUnavailableException timedOut(String what, Duration timeout, IOException e) {
        return new BusUnavailableException("the schema registry at " + url + " did not answer within "
                + timeout.toMillis() + " ms while " + what + ": try again later; if it persists, check the registry "
                + "(or raise gsb.registry.request.timeout.ms)", e);
    }

    BusUnavailableException unreachable(String what, IOException e) {
        return new BusUnavailableException("the schema registry at " + url + " cannot be reached while " + what + " ("
                + e + "): check that it runs and that gsb.registry.url is right; try again later", e);
    }

    SchemaNotRegisteredException notRegistered(String subject, Schema schema, HttpSchemaRegistry.Response r) {
        return new SchemaNotRegisteredException("schema " + schema.getFullName() + " is not registered under subject "
                + subject + " in the schema registry at " + url + " (" + said(r) + "): register the contract first "
                + "(through the catalog), or on a development stack let the serializer register it "
                + "(gsb.schemas.auto.register=true)", null);
    }

    SchemaNotRegisteredException unknownId(int id, HttpSchemaRegistry.Response r) {
        return new SchemaNotRegisteredException("the schema registry at " + url + " has no schema of id " + id + " ("
                + said(r) + "): the data was written against another registry, or the schema was deleted", null);
    }

    /**
     * The registry's 409, explained with the field names and rules that the registered version breaks. The refusal
     * stands even if the explanation cannot be fetched; the registry's own message is then the explanation.
     */
    SchemaIncompatibleException incompatible(String subject, Schema schema, HttpSchemaRegistry.Response r,
            Function<String, Optional<Schema>> latest) {
        SerializationException refusal = new SerializationException("the schema registry at " + url + " refused "
                + schema.getFullName() + " for subject " + subject + " (" + said(r) + ")");
        List<String> problems = List.of();
        try {
            problems = latest.apply(subject).map(registered -> Compatibility.problems(schema, registered))
                    .orElse(List.of());
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
        }
        if (problems.isEmpty()) {
            problems = List.of("the registry says: " + r.error().message());
        }
        return new SchemaIncompatibleException(subject, problems, refusal);
    }

    int readId(HttpSchemaRegistry.Response r, String what) {
        try {
            return RegistryJson.id(r.body());
        } catch (IllegalArgumentException e) {
            throw notTheApi(what, "HTTP 200 but " + e.getMessage());
        }
    }

    RegistryJson.SchemaAnswer readAnswer(HttpSchemaRegistry.Response r, String what) {
        try {
            return RegistryJson.schemaAnswer(r.body());
        } catch (IllegalArgumentException e) {
            throw notTheApi(what, "HTTP 200 but " + e.getMessage());
        }
    }

    Schema parse(Schema.Parser parser, String text, String what) {
        try {
            return parser.parse(text);
        } catch (SchemaParseException | AvroTypeException e) {
            throw new SerializationException("the schema registry at " + url + " gave a schema that Avro cannot parse "
                    + "while " + what + ": " + e.getMessage() + ". Is it an Avro subject, with its references?", e);
        }
    }

    SerializationException referencesTooDeep(String what, String name) {
        return new SerializationException("the schema registry at " + url + " gave schema references nested more "
                + "than 16 deep (at " + name + ") while " + what + ": flatten the schema");
    }

    private SerializationException notTheApi(String what, String said) {
        return new SerializationException("the schema registry at " + url + " answered " + said + " while " + what
                + ": that is not the Confluent Schema Registry API v7. Set gsb.registry.url to that API's base, "
                + "e.g. http://127.0.0.1:8081/apis/ccompat/v7 for Apicurio");
    }

    private static String said(HttpSchemaRegistry.Response r) {
        RegistryJson.Error error = r.error();
        return "HTTP " + r.status() + (error.code() > 0 ? ", error " + error.code() : "") + ": " + error.message();
    }
}
