package gov.gsb.schemas;

import gov.gsb.bus.AuditEvent;
import gov.gsb.bus.AuditOutcome;
import gov.gsb.bus.CallKind;
import gov.gsb.bus.CallRecord;
import gov.gsb.bus.CompositeReply;
import gov.gsb.bus.CompositeStepOutcome;
import gov.gsb.bus.Grant;
import gov.gsb.bus.GrantOperation;
import gov.gsb.bus.GrantPermission;
import gov.gsb.bus.GrantStatus;
import gov.gsb.bus.Outcome;
import gov.gsb.bus.Owner;
import gov.gsb.bus.PrincipalType;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.bus.ServiceKind;
import gov.gsb.bus.ServiceStatus;
import gov.gsb.bus.ServiceTopics;
import gov.gsb.bus.StepStatus;
import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChangeReply;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChangeStatus;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.composite.MoveHouseRequest;
import gov.gsb.sample.messaging.Attachment;
import gov.gsb.sample.messaging.CitizenMessage;
import gov.gsb.sample.messaging.Party;
import gov.gsb.sample.messaging.PartyKind;
import gov.gsb.sample.poll.PollVoteCast;
import gov.gsb.sample.poll.VoteChannel;
import gov.gsb.sample.utilities.BillIssued;
import gov.gsb.sample.utilities.PaymentMethod;
import gov.gsb.sample.utilities.PaymentReply;
import gov.gsb.sample.utilities.PaymentRequest;
import gov.gsb.sample.utilities.PaymentStatus;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.sample.utilities.SupplyTransferRequest;
import gov.gsb.sample.tax.TaxAddressReply;
import gov.gsb.sample.tax.TaxAddressRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic, fully filled value of every contract: for tests (agencies' and ours), examples and
 * demos. Times are whole milliseconds, as Avro keeps them. Each call returns a new value.
 *
 * <pre>{@code
 * AddressChanged event = Samples.addressChanged();
 * SpecificRecord any = Samples.of(BillIssued.class).orElseThrow();
 * }</pre>
 */
public final class Samples {

    /** The instant every sample's timestamps are taken from. */
    public static final Instant NOW = Instant.parse("2025-03-01T09:30:00.123Z");

    private static final Map<Class<?>, Supplier<SpecificRecord>> SAMPLES = Map.ofEntries(
            Map.entry(CallRecord.class, Samples::callRecord),
            Map.entry(AuditEvent.class, Samples::auditEvent),
            Map.entry(ServiceDescriptor.class, Samples::serviceDescriptor),
            Map.entry(Grant.class, Samples::grant),
            Map.entry(AddressChanged.class, Samples::addressChanged),
            Map.entry(AddressChangeRequest.class, Samples::addressChangeRequest),
            Map.entry(AddressChangeReply.class, Samples::addressChangeReply),
            Map.entry(BillIssued.class, Samples::billIssued),
            Map.entry(PaymentRequest.class, Samples::paymentRequest),
            Map.entry(PaymentReply.class, Samples::paymentReply),
            Map.entry(PollVoteCast.class, Samples::pollVoteCast),
            Map.entry(CitizenMessage.class, Samples::citizenMessage),
            Map.entry(CompositeReply.class, Samples::compositeReply),
            Map.entry(TaxAddressRequest.class, Samples::taxAddressRequest),
            Map.entry(TaxAddressReply.class, Samples::taxAddressReply),
            Map.entry(SupplyTransferRequest.class, Samples::supplyTransferRequest),
            Map.entry(SupplyTransferReply.class, Samples::supplyTransferReply),
            Map.entry(MoveHouseRequest.class, Samples::moveHouseRequest));

    private Samples() {
    }

    /**
     * @param type a contract's generated class
     * @return a sample of it, or empty if it is not a contract of this module
     */
    public static Optional<SpecificRecord> of(Class<?> type) {
        return Optional.ofNullable(SAMPLES.get(type)).map(Supplier::get);
    }

    /** @return a sample CallRecord */
    public static CallRecord callRecord() {
        return CallRecord.newBuilder()
                .setCallId("5f0c7d1e-2b7a-4c43-9a55-3f1f5e0b9a01")
                .setCorrelationId("9d3b1c2a-7e55-4f0e-8b61-0a2c4d6e8f10")
                .setKind(CallKind.REQUEST)
                .setService("address-change")
                .setServiceVersion(3)
                .setMethod("AddressChangeRequest")
                .setProviderAgency("civilregistry")
                .setConsumerAgency("municipality-north")
                .setEndUser("j.jansen")
                .setClientIp("2001:db8::17")
                .setDevice("Mozilla/5.0 (X11; Linux x86_64)")
                .setSdkVersion("0.1.0")
                .setTopic("gsb.civilregistry.address-change.requests")
                .setPartition(2)
                .setOffset(48_213L)
                .setRequestSentAt(NOW)
                .setRequestReceivedAt(NOW.plusMillis(4))
                .setReplySentAt(NOW.plusMillis(37))
                .setReplyReceivedAt(NOW.plusMillis(41))
                .setOutcome(Outcome.SUCCESS)
                .setRequestBytes(212)
                .setReplyBytes(64)
                .build();
    }

    /** @return a sample AuditEvent */
    public static AuditEvent auditEvent() {
        return AuditEvent.newBuilder()
                .setEventId("0b6f2f55-93a4-4d7e-b1e4-5a8f3c2d1e00")
                .setAt(NOW)
                .setActor("admin.civilregistry")
                .setActorRoles(List.of("gsb-agency-admin"))
                .setClientIp("192.0.2.10")
                .setUserAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .setAction("grant.create")
                .setTargetType("grant")
                .setTargetId("civilregistry.address-changed:utilities")
                .setAfter("{\"service\":\"civilregistry.address-changed\",\"consumer\":\"utilities\"}")
                .setOutcome(AuditOutcome.SUCCESS)
                .setReason("Utilities bill the new address from the day of the move")
                .build();
    }

    /** @return a sample ServiceDescriptor */
    public static ServiceDescriptor serviceDescriptor() {
        return ServiceDescriptor.newBuilder()
                .setName("address-change")
                .setProviderAgency("civilregistry")
                .setKind(ServiceKind.REQUEST_REPLY)
                .setDescription("Register a citizen's move; answers whether it was registered.")
                .setOwner(new Owner("Civil registry integration team", "integration@civilregistry.example", null))
                .setTopics(new ServiceTopics("gsb.civilregistry.address-change",
                        "gsb.civilregistry.address-change.requests"))
                .setValueSubject("gsb.civilregistry.address-change.requests-value")
                .setReplySubject("gsb.civilregistry.address-change.reply")
                .setVersion(3)
                .setPartitions(6)
                .setRetentionMs(604_800_000L)
                .setStatus(ServiceStatus.ACTIVE)
                .setCreatedAt(NOW.minusSeconds(86_400))
                .setUpdatedAt(NOW)
                .build();
    }

    /** @return a sample Grant: the tax administration's agency group may subscribe to address changes */
    public static Grant grant() {
        return Grant.newBuilder()
                .setId("3c9e4f7a-51d2-4b8e-9a06-7d2f1e4c5b88")
                .setService("civil-registry.address-changed")
                .setOperation(GrantOperation.SUBSCRIBE)
                .setPrincipalType(PrincipalType.GROUP)
                .setPrincipal("agencies/tax")
                .setPermission(GrantPermission.ALLOW)
                .setConsumerAgency("tax")
                .setGrantedBy("admin")
                .setGrantedAt(NOW.minusSeconds(3_600))
                .setComment("Tax keeps its address register in step with the civil registry (case 2025-118)")
                .setStatus(GrantStatus.REVOKED)
                .setRevokedBy("admin")
                .setRevokedAt(NOW)
                .build();
    }

    /** @return a sample Address */
    public static Address address(String street, String number, String postalCode, String city, String municipality) {
        return Address.newBuilder().setStreet(street).setHouseNumber(number).setPostalCode(postalCode)
                .setCity(city).setMunicipalityCode(municipality).build();
    }

    /** @return a sample AddressChanged */
    public static AddressChanged addressChanged() {
        return AddressChanged.newBuilder()
                .setCitizenId("123456782")
                .setOldAddress(address("Main Street", "12a", "1011 AB", "Rivertown", "0363"))
                .setNewAddress(address("Station Road", "3", "3511 CE", "Hilltown", "0344"))
                .setEffectiveFrom(LocalDate.of(2025, 3, 15))
                .setChangedAt(NOW)
                .build();
    }

    /** @return a sample AddressChangeRequest */
    public static AddressChangeRequest addressChangeRequest() {
        return AddressChangeRequest.newBuilder()
                .setRequestId("c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8")
                .setCitizenId("123456782")
                .setNewAddress(address("Station Road", "3", "3511 CE", "Hilltown", "0344"))
                .setEffectiveFrom(LocalDate.of(2025, 3, 15))
                .setReason("Moved in with partner")
                .build();
    }

    /** @return a sample AddressChangeReply */
    public static AddressChangeReply addressChangeReply() {
        return AddressChangeReply.newBuilder()
                .setRequestId("c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8")
                .setStatus(AddressChangeStatus.ACCEPTED)
                .setRegistrationNumber("CR-2025-0042117")
                .build();
    }

    /** @return a sample BillIssued */
    public static BillIssued billIssued() {
        return BillIssued.newBuilder()
                .setBillId("B-2025-03-778812")
                .setCustomerId("C-0049921")
                .setCitizenId("123456782")
                .setAmount(new BigDecimal("84.50"))
                .setCurrency("EUR")
                .setIssuedAt(NOW)
                .setDueDate(LocalDate.of(2025, 3, 31))
                .build();
    }

    /** @return a sample PaymentRequest */
    public static PaymentRequest paymentRequest() {
        return PaymentRequest.newBuilder()
                .setPaymentId("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")
                .setBillId("B-2025-03-778812")
                .setAmount(new BigDecimal("84.50"))
                .setCurrency("EUR")
                .setPayerCitizenId("123456782")
                .setMethod(PaymentMethod.BANK_TRANSFER)
                .build();
    }

    /** @return a sample PaymentReply */
    public static PaymentReply paymentReply() {
        return PaymentReply.newBuilder()
                .setPaymentId("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")
                .setStatus(PaymentStatus.COMPLETED)
                .setReceiptNumber("R-99120017")
                .build();
    }

    /** @return a sample PollVoteCast */
    public static PollVoteCast pollVoteCast() {
        return PollVoteCast.newBuilder()
                .setPollId("park-redesign-2025")
                .setQuestionId("q1")
                .setOptionId("more-trees")
                .setVoterPseudonym("p-3f9a61c0e2d84b7a")
                .setCastAt(NOW)
                .setChannel(VoteChannel.MOBILE_APP)
                .build();
    }

    /** @return a sample CitizenMessage */
    public static CitizenMessage citizenMessage() {
        return CitizenMessage.newBuilder()
                .setMessageId("e4d3c2b1-a0f9-4e8d-9c7b-6a5f4e3d2c1b")
                .setThreadId("e4d3c2b1-a0f9-4e8d-9c7b-6a5f4e3d2c1b")
                .setFrom(new Party(PartyKind.AGENCY, "taxoffice", "Tax Office"))
                .setTo(new Party(PartyKind.CITIZEN, "123456782", null))
                .setSubject("Your assessment for 2024")
                .setBody("Dear citizen,\nYour assessment for 2024 is ready. It is attached to this message.")
                .setSentAt(NOW)
                .setAttachments(List.of(new Attachment("assessment-2024.pdf", "application/pdf", 48_211L,
                        "https://documents.taxoffice.example/d/8f1c2e")))
                .build();
    }
    /** @return a sample MoveHouseRequest (the composite orchestrator.move-house) */
    public static MoveHouseRequest moveHouseRequest() {
        return MoveHouseRequest.newBuilder()
                .setRequestId("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                .setCitizenId("123456782")
                .setNewAddress(address("Station Road", "3", "3511 CE", "Hilltown", "0344"))
                .setMovingOn(LocalDate.of(2025, 3, 15))
                .setUtilityAccountId("C-0049921")
                .build();
    }

    /** @return a sample TaxAddressRequest */
    public static TaxAddressRequest taxAddressRequest() {
        return TaxAddressRequest.newBuilder()
                .setRequestId("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                .setCitizenId("123456782")
                .setNewAddress(address("Station Road", "3", "3511 CE", "Hilltown", "0344"))
                .setEffectiveFrom(LocalDate.of(2025, 3, 15))
                .build();
    }

    /** @return a sample TaxAddressReply */
    public static TaxAddressReply taxAddressReply() {
        return TaxAddressReply.newBuilder()
                .setRequestId("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                .setTaxOffice("Hilltown")
                .build();
    }

    /** @return a sample SupplyTransferRequest */
    public static SupplyTransferRequest supplyTransferRequest() {
        return SupplyTransferRequest.newBuilder()
                .setRequestId("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                .setAccountId("C-0049921")
                .setCitizenId("123456782")
                .setNewAddress(address("Station Road", "3", "3511 CE", "Hilltown", "0344"))
                .setTransferOn(LocalDate.of(2025, 3, 15))
                .build();
    }

    /** @return a sample SupplyTransferReply */
    public static SupplyTransferReply supplyTransferReply() {
        return SupplyTransferReply.newBuilder()
                .setRequestId("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f")
                .setContractId("K-2025-117")
                .setFinalBillAmount(new BigDecimal("42.17"))
                .setCurrency("EUR")
                .build();
    }

    /** @return a sample CompositeReply (a move-house call where the supply transfer was skipped) */
    public static CompositeReply compositeReply() {
        return CompositeReply.newBuilder()
                .setService("orchestrator.move-house")
                .setDefinitionVersion(1)
                .setSteps(List.of(
                        CompositeStepOutcome.newBuilder().setName("register-address")
                                .setService("civil-registry.address-change").setCallId("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9")
                                .setStatus(StepStatus.SUCCEEDED)
                                .setReply("{\"requestId\":\"5d6e7f80\",\"status\":\"ACCEPTED\"}").build(),
                        CompositeStepOutcome.newBuilder().setName("transfer-supply")
                                .setService("utilities.supply-transfer").setStatus(StepStatus.SKIPPED).build()))
                .build();
    }
}
