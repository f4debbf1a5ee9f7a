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

/** The one Jackson configuration every contract uses: ISO dates, UTF-8, stable field order. */
final class Mappers {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
