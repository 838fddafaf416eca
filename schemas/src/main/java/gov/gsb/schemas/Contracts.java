package gov.gsb.schemas;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.Grant;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.messaging.CitizenMessage;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.sample.utilities.PaymentReply;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every contract of this module: the top-level records that travel on a topic as a message's value. Types that
 * only appear inside them (enums, {@code Address}, {@code Owner}, ...) are not contracts of their own.
 *
 * <p>Tools and tests iterate it, e.g. to register every schema or to check each one against its released version:
 * <pre>{@code
 * for (Contracts.Contract c : Contracts.all()) {
 *     registry.register(c.fullName(), c.schema());
 * }
 * }</pre>
 * A new {@code .avsc} contract must be added here too; a test of this module fails until it is.
 */
public final class Contracts {

    /**
     * One contract: its Avro schema, with every type it uses inlined, and the class generated from it.
     *
     * @param schema the contract's Avro schema, as the generated class holds it
     * @param type   the class generated from it
     */
    public record Contract(Schema schema, Class<? extends SpecificRecord> type) {

        /**
         * Checks that both parts are given.
         *
         * @throws NullPointerException if either is null (fatal: a programming error)
         */
        public Contract {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(type, "type");
        }

        /**
         * The schema's full name, e.g. {@code gov.gsb.bus.CallRecord}.
         *
         * @return namespace and name, dot-separated
         */
        public String fullName() {
            return schema.getFullName();
        }
    }

    // The bus's own contracts first, then the sample agency services.
    private static final List<Contract> ALL = List.of(
            of(CallRecord.class),
            of(AuditEvent.class),
            of(ServiceDescriptor.class),
            of(Grant.class),
            of(CompositeReply.class),
            of(AddressChanged.class),
            of(AddressChangeRequest.class),
            of(AddressChangeReply.class),
            of(BillIssued.class),
            of(PaymentRequest.class),
            of(PaymentReply.class),
            of(PollVoteCast.class),
            of(CitizenMessage.class),
            of(TaxAddressRequest.class),
            of(TaxAddressReply.class),
            of(SupplyTransferRequest.class),
            of(SupplyTransferReply.class),
            of(MoveHouseRequest.class));

    private Contracts() {
    }

    /**
     * Every contract, the bus's own ({@code gov.gsb.bus}) first.
     *
     * @return an unmodifiable list
     */
    public static List<Contract> all() {
        return ALL;
    }

    /**
     * The contract of the given full name.
     *
     * @param fullName namespace and name, e.g. {@code gov.gsb.bus.CallRecord}
     * @return the contract, or empty when there is none of that name
     */
    public static Optional<Contract> find(String fullName) {
        return ALL.stream().filter(c -> c.fullName().equals(fullName)).findFirst();
    }

    private static Contract of(Class<? extends SpecificRecord> type) {
        // Read from the generated class itself, so the schema and the class cannot disagree.
        return new Contract(SpecificData.get().getSchema(type), type);
    }
}
