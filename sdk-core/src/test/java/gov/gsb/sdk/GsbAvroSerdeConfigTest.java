package gov.gsb.sdk;

import gov.gsb.schemas.Samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.gsb.sample.civilregistry.AddressChanged;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class GsbAvroSerdeConfigTest {

    @Test
    void shouldDefaultToNoAutoRegistrationAndGenericRecords() {
        GsbAvroSerdeConfig config = new GsbAvroSerdeConfig(Map.of());

        assertThat(config.autoRegister()).isFalse();
        assertThat(config.readerClass()).isNull();
        assertThat(config.getInt(GsbAvroSerdeConfig.REGISTRY_REQUEST_TIMEOUT_MS)).isEqualTo(10_000);
        assertThat(config.getLong(GsbAvroSerdeConfig.REGISTRY_FAILURE_CACHE_MS)).isEqualTo(5_000L);
    }

    @Test
    void shouldReadEveryKey() {
        GsbAvroSerdeConfig config = new GsbAvroSerdeConfig(Map.of(
                GsbAvroSerdeConfig.REGISTRY_URL, "https://registry.gsb.example/apis/ccompat/v7",
                GsbAvroSerdeConfig.AUTO_REGISTER, "true",
                GsbAvroSerdeConfig.READER_CLASS, AddressChanged.class.getName(),
                GsbAvroSerdeConfig.REGISTRY_REQUEST_TIMEOUT_MS, "2000",
                GsbAvroSerdeConfig.REGISTRY_FAILURE_CACHE_MS, "0"));

        assertThat(config.autoRegister()).isTrue();
        assertThat(config.readerClass()).isEqualTo(AddressChanged.class);
        assertThat(config.registry()).hasToString("schema registry at https://registry.gsb.example/apis/ccompat/v7");
    }

    @Test
    void shouldNameTheKeyOfAWrongValue() {
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.REGISTRY_URL, "registry:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.REGISTRY_URL)
                .hasMessageContaining("http or https URL");
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.AUTO_REGISTER, "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.AUTO_REGISTER);
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.REGISTRY_REQUEST_TIMEOUT_MS, 0)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.REGISTRY_REQUEST_TIMEOUT_MS);
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.REGISTRY_FAILURE_CACHE_MS, -1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.REGISTRY_FAILURE_CACHE_MS);
    }

    @Test
    void shouldRefuseAReaderClassThatIsNotAGeneratedAvroClass() {
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.READER_CLASS, "java.lang.String")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.READER_CLASS)
                .hasMessageContaining("SpecificRecord");
        assertThatThrownBy(() -> new GsbAvroSerdeConfig(Map.of(GsbAvroSerdeConfig.READER_CLASS, "gov.gsb.Nothing")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.READER_CLASS);
    }

    @Test
    void shouldRequireTheUrlWhenKafkaCreatesTheSerde() {
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(GsbAvroSerdeConfig.REGISTRY_URL).hasMessageContaining("required");
        assertThatThrownBy(() -> new GsbAvroDeserializer<>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining(GsbAvroSerdeConfig.REGISTRY_URL);
    }

    @Test
    void shouldNotNeedTheUrlWhenGivenARegistry() {
        GsbAvroSerializer<Object> serializer = new GsbAvroSerializer<>(SchemaRegistry.inMemory());

        serializer.configure(Map.of(GsbAvroSerdeConfig.AUTO_REGISTER, true), false);

        assertThat(serializer.serialize("gsb.t", Samples.addressChanged())).isNotEmpty();
    }
}
