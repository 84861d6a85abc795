package kz.prometric.erp.shared.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import jakarta.validation.constraints.Digits;

/**
 * How the API reads and writes the values that can hurt: decimals, dates and text.
 * <ul>
 * <li><b>Decimals in</b> are bounded while parsing, before any arithmetic: the field's
 * {@link Digits} when it has one, otherwise at most 17 digits before the point and 2
 * decimals for money or 3 for quantities. {@code 1e999999999} is a 400 naming the field,
 * not seconds of CPU.</li>
 * <li><b>Decimals out</b> are plain numbers (never exponent notation) with 2 decimals for
 * money and 3 for quantities; a value with more decimals keeps them (never rounded
 * here).</li>
 * <li><b>Money or quantity</b> is told by the property's name: {@code quantity} and the
 * stock figures ({@code onHand}, {@code reserved}, {@code available}, {@code requested},
 * {@code shortfall}, and names ending so, e.g. {@code componentQuantity}) are quantities;
 * every other decimal (amounts, prices, totals, balances, percentages) has 2
 * decimals.</li>
 * <li><b>Dates</b> are years 1900 to 9999.</li>
 * <li><b>Text</b> has no control characters other than tab, line feed and carriage return
 * (PostgreSQL cannot store NUL).</li>
 * </ul>
 */
final class JsonInputOutput {

	static final int MONEY_SCALE = 2;

	static final int QUANTITY_SCALE = 3;

	static final int MAX_INTEGER_DIGITS = 17;

	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 9999;

	private static final Set<String> QUANTITY_SUFFIXES = Set.of("quantity", "onhand", "reserved", "available",
			"requested", "shortfall", "reservations");

	private JsonInputOutput() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("prometric-api-values");
		module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer(MAX_INTEGER_DIGITS, MONEY_SCALE));
		module.addSerializer(BigDecimal.class, new FixedScaleDecimalSerializer(MONEY_SCALE));
		module.addDeserializer(LocalDate.class, new BoundedDateDeserializer());
		module.addDeserializer(String.class, new PlainTextDeserializer());
		return module;
	}

	static boolean isQuantity(String propertyName) {
		if (propertyName == null) {
			return false;
		}
		String name = propertyName.toLowerCase(Locale.ROOT);
		return QUANTITY_SUFFIXES.stream().anyMatch(name::endsWith);
	}

	/** A value the API refuses while reading it: answered as 400 naming the field. */
	static final class RefusedValueException extends InvalidFormatException {

		private final String reason;

		RefusedValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
			super(parser, reason, value, targetType);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

	static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal>
			implements ContextualDeserializer {

		private final int integerDigits;

		private final int fractionDigits;

		BoundedDecimalDeserializer(int integerDigits, int fractionDigits) {
			super(BigDecimal.class);
			this.integerDigits = integerDigits;
			this.fractionDigits = fractionDigits;
		}

		@Override
		public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
			if (property == null) {
				return this;
			}
			Digits digits = property.getAnnotation(Digits.class);
			if (digits != null) {
				return new BoundedDecimalDeserializer(Math.min(digits.integer(), MAX_INTEGER_DIGITS),
						digits.fraction());
			}
			return new BoundedDecimalDeserializer(MAX_INTEGER_DIGITS,
					isQuantity(property.getName()) ? QUANTITY_SCALE : MONEY_SCALE);
		}

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
			BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
			if (value == null) {
				return null;
			}
			// precision and scale are known without arithmetic; refuse absurd exponents
			// before stripTrailingZeros or anything else touches the digits
			long integerPart = (long) value.precision() - value.scale();
			if (value.signum() != 0 && (integerPart > this.integerDigits || value.scale() > 1000)) {
				throw refused(p, value);
			}
			BigDecimal stripped = (value.signum() == 0) ? BigDecimal.ZERO : value.stripTrailingZeros();
			if (Math.max(0, stripped.scale()) > this.fractionDigits) {
				throw refused(p, value);
			}
			// a zero written as 0E+999999999 is just zero
			return (value.signum() == 0 || value.scale() < 0) ? stripped.setScale(0) : value;
		}

		private RefusedValueException refused(JsonParser p, BigDecimal value) {
			String shown = (value.precision() > 40 || Math.abs((long) value.scale()) > 40) ? "too large or too long"
					: value.toString();
			return new RefusedValueException(p, "must be a number with at most " + this.integerDigits
					+ " digits before and " + this.fractionDigits + " after the decimal point", shown,
					BigDecimal.class);
		}

	}

	static final class FixedScaleDecimalSerializer extends StdSerializer<BigDecimal> implements ContextualSerializer {

		private final int scale;

		FixedScaleDecimalSerializer(int scale) {
			super(BigDecimal.class);
			this.scale = scale;
		}

		@Override
		public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property) {
			if (property != null && isQuantity(property.getName())) {
				return new FixedScaleDecimalSerializer(QUANTITY_SCALE);
			}
			return (this.scale == MONEY_SCALE) ? this : new FixedScaleDecimalSerializer(MONEY_SCALE);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
			if (value.scale() < -100 || value.scale() > 100) {
				// not a money or quantity value (those are bounded when read); written as
				// it is rather than expanded digit by digit
				gen.writeNumber(value);
				return;
			}
			gen.writeNumber(render(value, this.scale));
		}

		static String render(BigDecimal value, int scale) {
			BigDecimal stripped = value.stripTrailingZeros();
			int digits = Math.max(scale, stripped.scale());
			return value.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
		}

	}

	static final class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate> {

		BoundedDateDeserializer() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
			if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
				throw new RefusedValueException(p,
						"must be a date yyyy-MM-dd with a year from " + MIN_YEAR + " to " + MAX_YEAR, date.toString(),
						LocalDate.class);
			}
			return date;
		}

	}

	static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

		PlainTextDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
			String text = StringDeserializer.instance.deserialize(p, ctxt);
			if (text != null) {
				for (int i = 0; i < text.length(); i++) {
					char c = text.charAt(i);
					if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
						throw new RefusedValueException(p,
								"must not contain control characters such as NUL (only tab and line breaks)",
								"\\u%04x at %d".formatted((int) c, i), String.class);
					}
				}
			}
			return text;
		}

	}

}
