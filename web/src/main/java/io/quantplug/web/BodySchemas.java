package io.quantplug.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.math.BigDecimal;

/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of the API's request bodies, generated from the records the
 * server reads them into by the victools {@code jsonschema-generator} library, so the document cannot drift from
 * what the server accepts: a record's components are the body's properties, with their Java types mapped to JSON
 * types. Decimals are strings in the API's convention (a number is accepted too); unknown properties are refused
 * ({@code additionalProperties: false}); every field may be null or absent (the server checks what a request needs
 * and names the missing field). Build once; thread-safe afterwards.
 */
final class BodySchemas {

    private final SchemaGenerator generator;

    BodySchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(Json.MAPPER, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != BigDecimal.class) {
                return null;
            }
            ObjectNode decimal = context.getGeneratorConfig().createObjectNode();
            decimal.putArray("type").add("string").add("number");
            decimal.put("description", "an exact decimal, e.g. \"10000\" or \"0.5\" (at most 64 characters, below"
                    + " 10^30, at most 30 decimals)");
            return new CustomDefinition(decimal, CustomDefinition.DefinitionType.INLINE,
                    CustomDefinition.AttributeInclusion.NO);
        });
        this.generator = new SchemaGenerator(config.build());
    }

    /**
     * Starts a document's set of schemas.
     *
     * @return a builder: {@code ref(type)} for each body, then {@code definitions()} once
     */
    Document document() {
        return new Document(generator.buildMultipleSchemaDefinitions());
    }

    /** The schemas of one OpenAPI document, referenced as {@code #/components/schemas/NAME}. */
    static final class Document {
        private final SchemaBuilder builder;

        private Document(SchemaBuilder builder) {
            this.builder = builder;
        }

        /**
         * A reference to a body type's schema (filled in by {@link #definitions()}).
         *
         * @param type the record the server reads the body into
         * @return the reference node
         */
        ObjectNode ref(Class<?> type) {
            return builder.createSchemaReference(type);
        }

        /**
         * Every schema referenced so far, by name, for {@code components/schemas}.
         *
         * @return the schemas
         */
        ObjectNode definitions() {
            return builder.collectDefinitions("components/schemas");
        }
    }
}
