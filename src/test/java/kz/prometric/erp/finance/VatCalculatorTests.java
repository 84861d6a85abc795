package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.util.List;

import kz.prometric.erp.finance.VatCalculator.Calculation;
import kz.prometric.erp.finance.VatCalculator.Line;
import kz.prometric.erp.finance.VatCalculator.LineAmounts;
import kz.prometric.erp.finance.VatCalculator.RateTotal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * VAT per rate per document, half-up to 2 decimals, for prices with and without VAT.
 */
class VatCalculatorTests {

	static final VatRate STANDARD_2025 = VatRate.of("12");

	static final VatRate STANDARD = VatRate.of("16");

	static final VatRate MEDICAL_2027 = VatRate.of("10");

	static final VatRate MEDICAL_2026 = VatRate.of("5");

	static final VatRate ZERO_RATED = VatRate.of("0");

	static final VatRate EXEMPT = VatRate.EXEMPT;

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount);
	}

	private static RateTotal total(Calculation calculation, VatRate rate) {
		return calculation.rate(rate).orElseThrow();
	}

	private static void assertTotals(RateTotal total, String base, String vat, String gross) {
		assertThat(total.taxableBase()).isEqualTo(money(base));
		assertThat(total.vat()).isEqualTo(money(vat));
		assertThat(total.gross()).isEqualTo(money(gross));
	}

	@Test
	void totalsMixedRatesOnOneDocumentPerRate() {
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("1", "500.00", EXEMPT),
				Line.net("2", "1000.00", STANDARD), Line.net("3", "333.33", MEDICAL_2026),
				Line.net("1", "100.00", ZERO_RATED), Line.net("1", "250.00", STANDARD)));

		assertThat(calculation.rates()).extracting(RateTotal::rate)
			.containsExactly(STANDARD, MEDICAL_2026, ZERO_RATED, EXEMPT);
		assertTotals(total(calculation, STANDARD), "2250.00", "360.00", "2610.00");
		// 999.99 × 5% = 49.9995
		assertTotals(total(calculation, MEDICAL_2026), "999.99", "50.00", "1049.99");
		assertTotals(total(calculation, ZERO_RATED), "100.00", "0.00", "100.00");
		assertTotals(total(calculation, EXEMPT), "500.00", "0.00", "500.00");
		assertThat(calculation.net()).isEqualTo(money("3849.99"));
		assertThat(calculation.vat()).isEqualTo(money("410.00"));
		assertThat(calculation.gross()).isEqualTo(money("4259.99"));
	}

	@Test
	void roundsVatOnceForThreeLinesOfHalfATiynEach() {
		// each line: 0.05 × 10% = 0.005, which alone would round to 0.01 (0.03 in all)
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("1", "0.05", MEDICAL_2027),
				Line.net("1", "0.05", MEDICAL_2027), Line.net("1", "0.05", MEDICAL_2027)));

		assertTotals(total(calculation, MEDICAL_2027), "0.15", "0.02", "0.17");
		assertThat(calculation.vat()).isEqualTo(money("0.02"));
	}

	@Test
	void roundsHalfATiynUp() {
		// 2.50 × 5% = 0.125: half-up gives 0.13 (half-even would give 0.12)
		assertTotals(total(VatCalculator.calculate(List.of(Line.net("1", "2.50", MEDICAL_2026))), MEDICAL_2026), "2.50",
				"0.13", "2.63");
		// 0.35 × 10% = 0.035 -> 0.04
		assertTotals(total(VatCalculator.calculate(List.of(Line.net("1", "0.35", MEDICAL_2027))), MEDICAL_2027), "0.35",
				"0.04", "0.39");
	}

	@Test
	void takesTheDocumentRoundingWherePerLineRoundingWouldDiffer() {
		// per line 10.03 × 16% = 1.6048 -> 1.60, three times 4.80; per document 30.09 ×
		// 16% = 4.8144 -> 4.81
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("1", "10.03", STANDARD),
				Line.net("1", "10.03", STANDARD), Line.net("1", "10.03", STANDARD)));

		assertTotals(total(calculation, STANDARD), "30.09", "4.81", "34.90");
	}

	@Test
	void extractsVatFromPricesIncludingVat() {
		Calculation calculation = VatCalculator.calculate(List.of(Line.gross("1", "116.00", STANDARD)));

		assertTotals(total(calculation, STANDARD), "100.00", "16.00", "116.00");
		assertThat(calculation.lines().get(0).gross()).isEqualTo(money("116.00"));
		assertThat(calculation.lines().get(0).net()).isEqualTo(money("100.00"));
	}

	@Test
	void extractsVatOncePerRateAndKeepsTheQuotedGross() {
		// per line 1.00 × 16/116 = 0.1379 -> 0.14, three times 0.42; per document 3.00 ×
		// 16/116 = 0.41379 -> 0.41
		Calculation calculation = VatCalculator.calculate(List.of(Line.gross("1", "1.00", STANDARD),
				Line.gross("1", "1.00", STANDARD), Line.gross("1", "1.00", STANDARD)));

		assertTotals(total(calculation, STANDARD), "2.59", "0.41", "3.00");
		assertThat(calculation.gross()).isEqualTo(money("3.00"));
		// each line's own net is informative: 1.00 - 0.14
		assertThat(calculation.lines()).extracting(LineAmounts::net).containsOnly(money("0.86"));
	}

	@Test
	void extractsVatAtTheOldStandardRate() {
		assertTotals(total(VatCalculator.calculate(List.of(Line.gross("2", "56.00", STANDARD_2025))), STANDARD_2025),
				"100.00", "12.00", "112.00");
	}

	@Test
	void addsVatOnTopOfPricesWithoutVat() {
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("4", "25.00", STANDARD)));

		assertTotals(total(calculation, STANDARD), "100.00", "16.00", "116.00");
		assertThat(calculation.lines().get(0).net()).isEqualTo(money("100.00"));
		assertThat(calculation.lines().get(0).gross()).isNull();
	}

	@Test
	void roundsEachPriceBasisOnceWhenARateMixesThem() {
		Calculation calculation = VatCalculator
			.calculate(List.of(Line.net("1", "10.03", STANDARD), Line.gross("1", "1.00", STANDARD)));

		// 10.03 × 16% = 1.6048 -> 1.60; 1.00 × 16/116 = 0.1379 -> 0.14
		assertTotals(total(calculation, STANDARD), "10.89", "1.74", "12.63");
		assertThat(calculation.gross()).isEqualTo(money("12.63"));
	}

	@Test
	void keepsZeroRatedApartFromExempt() {
		Calculation calculation = VatCalculator
			.calculate(List.of(Line.net("1", "100.00", ZERO_RATED), Line.net("1", "100.00", EXEMPT)));

		assertThat(calculation.rates()).hasSize(2);
		assertThat(total(calculation, ZERO_RATED).rate().exempt()).isFalse();
		assertThat(total(calculation, ZERO_RATED).rate().percent()).isEqualTo(money("0.00"));
		assertThat(total(calculation, EXEMPT).rate().percent()).isNull();
		assertThat(calculation.vat()).isEqualTo(money("0.00"));
		assertThat(calculation.gross()).isEqualTo(money("200.00"));
	}

	@Test
	void treatsExemptLinesWithIncludedPricesAsHavingNoVat() {
		Calculation calculation = VatCalculator.calculate(List.of(Line.gross("1", "100.00", EXEMPT)));

		assertTotals(total(calculation, EXEMPT), "100.00", "0.00", "100.00");
		assertThat(calculation.lines().get(0).net()).isEqualTo(money("100.00"));
	}

	@Test
	void appliesDiscountsBeforeVat() {
		// 3 × 199.99 = 599.97, less 15% = 509.9745 -> 509.97; VAT 81.5952 -> 81.60
		Calculation calculation = VatCalculator
			.calculate(List.of(Line.net("3", "199.99", STANDARD).withDiscount("15")));

		LineAmounts line = calculation.lines().get(0);
		assertThat(line.amount()).isEqualTo(money("509.97"));
		assertThat(line.discount()).isEqualTo(money("90.00"));
		assertTotals(total(calculation, STANDARD), "509.97", "81.60", "591.57");
	}

	@Test
	void appliesDiscountsToPricesIncludingVat() {
		Calculation calculation = VatCalculator
			.calculate(List.of(Line.gross("2", "116.00", STANDARD).withDiscount("50")));

		assertTotals(total(calculation, STANDARD), "100.00", "16.00", "116.00");
		assertThat(calculation.lines().get(0).discount()).isEqualTo(money("116.00"));
	}

	@Test
	void givesAFullDiscountNoAmountAndNoVat() {
		Calculation calculation = VatCalculator
			.calculate(List.of(Line.net("1", "999.99", STANDARD).withDiscount("100")));

		assertTotals(total(calculation, STANDARD), "0.00", "0.00", "0.00");
	}

	@Test
	void roundsFractionalQuantitiesPerLine() {
		// 1.255 × 99.99 = 125.48745 -> 125.49
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("1.255", "99.99", STANDARD)));

		assertThat(calculation.lines().get(0).line().quantity()).isEqualTo(new BigDecimal("1.255"));
		assertThat(calculation.lines().get(0).amount()).isEqualTo(money("125.49"));
		assertTotals(total(calculation, STANDARD), "125.49", "20.08", "145.57");
	}

	@Test
	void holdsMoneyWithScaleTwoAndQuantitiesWithScaleThree() {
		Calculation calculation = VatCalculator.calculate(List.of(Line.net("2", "5", STANDARD)));

		assertThat(calculation.lines().get(0).line().quantity().scale()).isEqualTo(3);
		assertThat(calculation.lines().get(0).line().unitPrice().scale()).isEqualTo(2);
		assertThat(List.of(calculation.net(), calculation.vat(), calculation.gross()))
			.allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2));
		assertThat(total(calculation, STANDARD).vat().scale()).isEqualTo(2);
	}

	@Test
	void totalsAnEmptyDocumentToZero() {
		Calculation calculation = VatCalculator.calculate(List.of());

		assertThat(calculation.rates()).isEmpty();
		assertThat(calculation.gross()).isEqualTo(money("0.00"));
	}

	@Test
	void refusesLinesThatCannotBeInvoiced() {
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("-1", "10.00", STANDARD));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("0", "10.00", STANDARD));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("1", "-0.01", STANDARD));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("1.0001", "10.00", STANDARD));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("1", "10.001", STANDARD));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("1", "10.00", STANDARD).withDiscount("100.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> Line.net("1", "10.00", STANDARD).withDiscount("-1"));
	}

	@Test
	void refusesRatesThatAreNotPercents() {
		assertThatIllegalArgumentException().isThrownBy(() -> VatRate.of("-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> VatRate.of("100"));
		assertThatIllegalArgumentException().isThrownBy(() -> VatRate.of("16.125"));
		assertThatIllegalArgumentException().isThrownBy(() -> new VatRate(BigDecimal.ZERO, true));
		assertThat(VatRate.of("16.0")).isEqualTo(VatRate.of("16"));
	}

}
