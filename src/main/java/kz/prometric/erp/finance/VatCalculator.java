package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import kz.prometric.erp.shared.Money;

/**
 * Line amounts and VAT totals of one document (invoice, credit note), computed the way EN
 * 16931 does: VAT is rounded once per rate per document, half-up to 2 decimals, from the
 * sum of the rate's line amounts, never by adding up rounded per-line VAT.
 * <ul>
 * <li>A line's amount is quantity × unit price less the discount, rounded half-up to 2
 * decimals (the amount printed on the line).</li>
 * <li>Prices without VAT: a rate's taxable base is the sum of its line amounts, its VAT
 * is base × rate / 100, rounded once.</li>
 * <li>Prices including VAT: a rate's gross is the sum of its line amounts and stays
 * exactly what the customer was quoted; VAT is gross × rate / (100 + rate), rounded once,
 * and the base is gross − VAT.</li>
 * <li>A rate with lines of both kinds rounds each kind once and adds them (one tiyn of
 * difference at most against a single rounding); keep one price basis per document when
 * you can.</li>
 * <li>Exempt lines have no VAT and form their own group, apart from 0% zero-rated lines,
 * which have a VAT line of 0.00.</li>
 * </ul>
 * Money is {@link BigDecimal} with scale 2 (KZT and tiyn), quantities scale 3. Pure Java:
 * no Spring, no database, no rates (ask {@link VatRates} for those).
 */
public final class VatCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

	/** Taxable rates from the highest down, then exempt. */
	private static final Comparator<VatRate> RATE_ORDER = Comparator.comparing(VatRate::exempt)
		.thenComparing(VatRate::percent, Comparator.nullsLast(Comparator.reverseOrder()));

	private VatCalculator() {
	}

	/**
	 * One line to invoice.
	 *
	 * @param quantity more than 0, at most 3 decimals (held with scale 3)
	 * @param unitPrice 0 or more, at most 2 decimals; with or without VAT as
	 * {@code priceIncludesVat} says
	 * @param discountPercent 0 to 100, may be {@code null} for none
	 * @param priceIncludesVat whether {@code unitPrice} already contains VAT
	 * @param vatRate the rate in force on the turnover date, or {@link VatRate#EXEMPT}
	 */
	public record Line(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, boolean priceIncludesVat,
			VatRate vatRate) {

		public Line {
			Objects.requireNonNull(quantity, "quantity");
			Objects.requireNonNull(unitPrice, "unitPrice");
			Objects.requireNonNull(vatRate, "vatRate");
			if (quantity.signum() <= 0) {
				throw new IllegalArgumentException("A line's quantity must be more than 0: " + quantity);
			}
			if (unitPrice.signum() < 0) {
				throw new IllegalArgumentException("A line's unit price must not be negative: " + unitPrice);
			}
			discountPercent = (discountPercent != null) ? discountPercent : BigDecimal.ZERO;
			if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
				throw new IllegalArgumentException("A discount is a percent from 0 to 100: " + discountPercent);
			}
			quantity = scaled(quantity, 3, "quantity");
			unitPrice = scaled(unitPrice, 2, "unit price");
		}

		/** A line without discount whose price excludes VAT. */
		public static Line net(String quantity, String unitPrice, VatRate vatRate) {
			return new Line(new BigDecimal(quantity), new BigDecimal(unitPrice), null, false, vatRate);
		}

		/** A line without discount whose price includes VAT. */
		public static Line gross(String quantity, String unitPrice, VatRate vatRate) {
			return new Line(new BigDecimal(quantity), new BigDecimal(unitPrice), null, true, vatRate);
		}

		/** This line with a discount in percent. */
		public Line withDiscount(String percent) {
			return new Line(this.quantity, this.unitPrice, new BigDecimal(percent), this.priceIncludesVat,
					this.vatRate);
		}

	}

	/**
	 * What one line comes to.
	 *
	 * @param line the line as given (normalised scales)
	 * @param amount quantity × unit price − discount, rounded to 2 decimals: the line
	 * total on the line's own price basis (net or gross)
	 * @param discount the discount in money: quantity × unit price, rounded, − amount
	 * @param net the amount without VAT; for prices including VAT this is the line's own
	 * extraction, shown for information only (the rate's {@link RateTotal#taxableBase()}
	 * is authoritative and may differ from the sum of these by a tiyn)
	 * @param gross the amount with VAT when the price includes VAT, otherwise
	 * {@code null} (VAT on exclusive prices exists only per rate)
	 */
	public record LineAmounts(Line line, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal gross) {
	}

	/**
	 * One rate's totals, the VAT breakdown an invoice prints.
	 *
	 * @param rate the rate, or {@link VatRate#EXEMPT} for the exempt group
	 * @param taxableBase the amount without VAT
	 * @param vat VAT of the rate, rounded once for the document (0.00 when exempt)
	 * @param gross taxable base + VAT
	 */
	public record RateTotal(VatRate rate, BigDecimal taxableBase, BigDecimal vat, BigDecimal gross) {
	}

	/**
	 * A document's amounts.
	 *
	 * @param lines per line, in the order given
	 * @param rates per rate, highest rate first, exempt last
	 * @param net sum of taxable bases
	 * @param vat sum of VAT per rate
	 * @param gross net + VAT, the amount to pay
	 */
	public record Calculation(List<LineAmounts> lines, List<RateTotal> rates, BigDecimal net, BigDecimal vat,
			BigDecimal gross) {

		/** The totals of {@code rate}, if the document has lines at that rate. */
		public Optional<RateTotal> rate(VatRate rate) {
			return this.rates.stream().filter(total -> total.rate().equals(rate)).findFirst();
		}

	}

	/** Computes the amounts of a document with these lines (none gives zeros). */
	public static Calculation calculate(List<Line> lines) {
		List<LineAmounts> lineAmounts = new ArrayList<>();
		Map<VatRate, Sums> sumsByRate = new LinkedHashMap<>();
		for (Line line : lines) {
			BigDecimal undiscounted = line.quantity().multiply(line.unitPrice());
			BigDecimal amount = Money.lineAmount(line.quantity(), line.unitPrice(), line.discountPercent());
			BigDecimal discount = money(undiscounted).subtract(amount);
			Sums sums = sumsByRate.computeIfAbsent(line.vatRate(), rate -> new Sums());
			if (line.priceIncludesVat()) {
				sums.gross = sums.gross.add(amount);
				lineAmounts.add(new LineAmounts(line, amount, discount,
						amount.subtract(vatIncluded(amount, line.vatRate())), amount));
			}
			else {
				sums.net = sums.net.add(amount);
				lineAmounts.add(new LineAmounts(line, amount, discount, amount, null));
			}
		}
		List<RateTotal> rates = new ArrayList<>();
		BigDecimal net = ZERO_MONEY;
		BigDecimal vat = ZERO_MONEY;
		for (VatRate rate : sumsByRate.keySet().stream().sorted(RATE_ORDER).toList()) {
			Sums sums = sumsByRate.get(rate);
			BigDecimal includedVat = vatIncluded(sums.gross, rate);
			BigDecimal rateVat = vatOnTop(sums.net, rate).add(includedVat);
			BigDecimal base = sums.net.add(sums.gross).subtract(includedVat);
			rates.add(new RateTotal(rate, base, rateVat, base.add(rateVat)));
			net = net.add(base);
			vat = vat.add(rateVat);
		}
		return new Calculation(List.copyOf(lineAmounts), List.copyOf(rates), net, vat, net.add(vat));
	}

	/** VAT on a net amount: net × rate / 100, half-up to 2 decimals. */
	private static BigDecimal vatOnTop(BigDecimal net, VatRate rate) {
		return rate.exempt() ? ZERO_MONEY : money(net.multiply(rate.percent()).divide(HUNDRED));
	}

	/** VAT inside a gross amount: gross × rate / (100 + rate), half-up to 2 decimals. */
	private static BigDecimal vatIncluded(BigDecimal gross, VatRate rate) {
		return rate.exempt() ? ZERO_MONEY
				: gross.multiply(rate.percent()).divide(HUNDRED.add(rate.percent()), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal scaled(BigDecimal value, int scale, String what) {
		try {
			return value.setScale(scale, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("A line's " + what + " has at most " + scale + " decimals: " + value,
					ex);
		}
	}

	private static final class Sums {

		private BigDecimal net = ZERO_MONEY;

		private BigDecimal gross = ZERO_MONEY;

	}

}
