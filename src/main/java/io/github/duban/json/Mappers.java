package io.github.duban.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration every contract uses: ISO dates, UTF-8, stable field order; read
 * strictly: no tokens after the value, no fraction read as a whole number, no key twice, dates only
 * as ISO strings.
 */
final class Mappers {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setDefaultLeniency(false)
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("iso-dates-only")
                    .addDeserializer(java.time.LocalDate.class, new IsoText<>(java.time.LocalDate.class, java.time.LocalDate::parse, "a date as text, YYYY-MM-DD"))
                    .addDeserializer(java.time.YearMonth.class, new IsoText<>(java.time.YearMonth.class, java.time.YearMonth::parse, "a month as text, YYYY-MM")))
            .disable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .addMixIn(io.github.duban.model.ProgressReport.class, ReportFields.class)
            .addMixIn(io.github.duban.model.Milestone.class, MilestoneFields.class);

    /** A report's {@code value} (DESIGN §9) is written only when it has one, so older outputs keep their bytes. */
    abstract static class ReportFields {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract java.math.BigDecimal value();
    }

    /** A milestone's {@code percent} is written only when it has one. */
    abstract static class MilestoneFields {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Integer percent();
    }

    /** A date or month read only from ISO text: never from a number (an epoch day) or an array. */
    static final class IsoText<T> extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<T> {
        private final java.util.function.Function<String, T> parse;
        private final String expected;

        IsoText(Class<T> type, java.util.function.Function<String, T> parse, String expected) {
            super(type);
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p.currentToken(), p, "expected %s", expected);
            }
            String text = p.getText().strip();
            try {
                return parse.apply(text);
            } catch (java.time.DateTimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "expected %s", expected);
            }
        }
    }

    static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** One compact object a line, absent fields left out (facts files). */
    static final ObjectWriter LINES = MAPPER.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .writer();

    private Mappers() {
    }
}
