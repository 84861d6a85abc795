package kz.prometric.erp.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers, money and dates as people in Kazakhstan write them, whatever the page's
 * language: {@code 1 322 400,00 ₸}, {@code 15.12.2026}, times in Asia/Almaty. Templates
 * call it as {@code ${@fmt.money(invoice.total)}}.
 */
@Component("fmt")
public class UiFormat {

	/** The business's time zone: what "today" and a task's due time mean on a page. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private static final char NO_BREAK_SPACE = '\u00a0';

	/** {@code 1 322 400,00 ₸}; an empty text for no amount. */
	public String money(BigDecimal amount) {
		return (amount != null) ? decimal(amount, 2) + NO_BREAK_SPACE + "₸" : "";
	}

	/** A quantity or other decimal without trailing zeros: {@code 1 250,5}. */
	public String number(BigDecimal value) {
		if (value == null) {
			return "";
		}
		BigDecimal plain = value.stripTrailingZeros();
		return decimal(plain, Math.max(plain.scale(), 0));
	}

	/** A percentage such as {@code 12,5 %}. */
	public String percent(Number value) {
		return (value != null) ? number(new BigDecimal(value.toString())) + NO_BREAK_SPACE + "%" : "";
	}

	public String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : "";
	}

	/** A moment as the local date in Almaty. */
	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(ZONE)) : "";
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(ZONE)) : "";
	}

	/** {@code yyyy-MM-dd} for the value of an {@code <input type="date">}. */
	public String isoDate(LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

	private static String decimal(BigDecimal value, int scale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator(NO_BREAK_SPACE);
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat((scale > 0) ? "#,##0." + "0".repeat(scale) : "#,##0", symbols);
		return format.format(value.setScale(scale, RoundingMode.HALF_UP));
	}

}
