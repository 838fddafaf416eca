package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.bus.CallRecord;
import gov.gsb.bus.ServiceDescriptor;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.civilregistry.AddressChanged;
import gov.gsb.sample.messaging.CitizenMessage;
import java.lang.reflect.InvocationTargetException;
import org.apache.avro.AvroMissingFieldException;
import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated builders refuse incomplete values and fill in the contracts' defaults. */
class BuilderTest {

    static Iterable<Contracts.Contract> contracts() {
        return Contracts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shouldRefuseToBuildAnEmptyBuilder(Contracts.Contract contract) throws ReflectiveOperationException {
        Object builder = contract.type().getMethod("newBuilder").invoke(null);

        assertThatThrownBy(() -> build(builder)).isInstanceOf(AvroMissingFieldException.class);
    }

    @Test
    void shouldNameTheMissingRequiredField() {
        AddressChanged.Builder builder = AddressChanged.newBuilder(Samples.addressChanged()).clearNewAddress();

        assertThatThrownBy(builder::build).isInstanceOf(AvroMissingFieldException.class)
                .hasMessageContaining("newAddress");
    }

    @Test
    void shouldRefuseNullForARequiredField() {
        assertThatThrownBy(() -> AddressChanged.newBuilder().setCitizenId(null))
                .isInstanceOf(AvroRuntimeException.class).hasMessageContaining("citizenId");
    }

    @Test
    void shouldLeaveOptionalFieldsNullWhenNotSet() {
        AddressChangeRequest request = AddressChangeRequest.newBuilder(Samples.addressChangeRequest())
                .clearReason().build();
        AddressChanged changed = AddressChanged.newBuilder(Samples.addressChanged()).clearOldAddress().build();

        assertThat(request.getReason()).isNull();
        assertThat(changed.getOldAddress()).isNull();
        assertThat(changed.getNewAddress().getCountry()).isNull();
    }

    @Test
    void shouldFillInDefaults() {
        CallRecord call = CallRecord.newBuilder(Samples.callRecord()).clearAttempt().build();
        ServiceDescriptor service = ServiceDescriptor.newBuilder(Samples.serviceDescriptor())
                .clearCompatibility().build();
        CitizenMessage message = CitizenMessage.newBuilder(Samples.citizenMessage()).clearAttachments().build();

        assertThat(call.getAttempt()).isEqualTo(1);
        assertThat(service.getCompatibility()).isEqualTo("BACKWARD");
        assertThat(message.getAttachments()).isEmpty();
    }

    private static Object build(Object builder) throws Throwable {
        try {
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
