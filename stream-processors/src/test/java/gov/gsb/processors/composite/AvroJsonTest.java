package gov.gsb.processors.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.sample.civilregistry.AddressChangeRequest;
import gov.gsb.sample.utilities.SupplyTransferReply;
import gov.gsb.schemas.Samples;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    @Test
    void shouldCarryDatesDecimalsAndNestedRecordsAcrossContracts() throws Exception {
        SupplyTransferReply reply = Samples.supplyTransferReply();
        JsonNode json = AvroJson.toJson(reply, reply.getSchema());
        assertThat(json.get("finalBillAmount").asText()).isEqualTo("42.17");

        AddressChangeRequest request = Samples.addressChangeRequest();
        JsonNode asJson = AvroJson.toJson(request, request.getSchema());
        assertThat(asJson.get("effectiveFrom").asInt()).isEqualTo((int) request.getEffectiveFrom().toEpochDay());

        GenericRecord back = (GenericRecord) AvroJson.toAvro(asJson, AddressChangeRequest.getClassSchema());
        assertThat(GenericData.get().validate(AddressChangeRequest.getClassSchema(), back)).isTrue();
        assertThat(back.get("citizenId")).isEqualTo(request.getCitizenId());
        assertThat(((GenericRecord) back.get("newAddress")).get("city")).isEqualTo("Hilltown");
        assertThat(back.get("effectiveFrom")).isEqualTo((int) request.getEffectiveFrom().toEpochDay());

        JsonNode decimalBack = AvroJson.toJson(AvroJson.toAvro(json, SupplyTransferReply.getClassSchema()),
                SupplyTransferReply.getClassSchema());
        assertThat(decimalBack).isEqualTo(json);
    }

    @Test
    void shouldNameTheFieldThatIsMissing() throws Exception {
        JsonNode partial = new ObjectMapper().readTree("{\"requestId\": \"r\", \"citizenId\": \"1\"}");

        assertThatThrownBy(() -> AvroJson.toAvro(partial, AddressChangeRequest.getClassSchema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AddressChangeRequest.newAddress is required but has no value");
    }
}
