package org.claimtracker.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.claimtracker.core.Texts;

/**
 * JSON is read strictly, so that what the API stores is exactly what the client sent and what the
 * description promises: a date is a YYYY-MM-DD string, never a number of days since 1970; a text
 * field takes only a JSON string (not 12 or true), a number field only a JSON number (not "12",
 * not 1.5 for a whole number), an enumeration only its name; a key given twice, or anything after
 * the body's value, is an error; and a text may not carry a NUL character or half of a surrogate
 * pair, which PostgreSQL cannot store and would otherwise reach it as a server error or a silent
 * '?'.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // MapperFeature is configured on the mapper Quarkus builds and hands over
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** A JSON string the tracker cannot store; the problem names the field and says why. */
    public static final class UnstorableText extends JsonMappingException {

        private final String reason;

        UnstorableText(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Only a JSON string makes a text; a NUL or an unpaired surrogate in it is refused. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String fault = Texts.fault(text);
            if (fault != null) {
                throw new UnstorableText(parser, fault);
            }
            return text;
        }
    }
}
