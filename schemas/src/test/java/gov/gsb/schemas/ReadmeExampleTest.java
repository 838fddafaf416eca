package gov.gsb.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import gov.gsb.sample.civilregistry.Address;
import gov.gsb.sample.civilregistry.AddressChanged;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The example of schemas/README.md, kept here so that it keeps compiling and working. Edit both together. */
class ReadmeExampleTest {

    @Test
    void shouldBuildEncodeAndDecodeAnAddressChanged() throws IOException {
        // README example: begin
        Address home = Address.newBuilder()
                .setStreet("Station Road")
                .setHouseNumber("3")
                .setPostalCode("3511 CE")
                .setCity("Hilltown")
                .setMunicipalityCode("0344")                   // country left out: null, a domestic address
                .build();
        AddressChanged event = AddressChanged.newBuilder()
                .setCitizenId("123456782")
                .setNewAddress(home)                           // oldAddress left out: null, first registration
                .setEffectiveFrom(LocalDate.of(2025, 3, 15))
                .setChangedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)) // Avro keeps milliseconds
                .build();                                      // throws if a required field is missing

        // Avro binary: what the SDK's serializer writes after the 5-byte schema-id header.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(AddressChanged.class).write(event, encoder);
        encoder.flush();

        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        AddressChanged read = new SpecificDatumReader<>(AddressChanged.class).read(null, decoder);
        // README example: end

        assertThat(read).isEqualTo(event);
    }
}
