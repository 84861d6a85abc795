package kz.prometric.erp.shared;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BIN and IIN rules of {@code docs/kazakhstan.md}, checked against its test vectors
 * plus IIN vectors built by the same rule.
 */
class KzIdentificationNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "940140000385", "950341000052", "070941024691", "990940003030", "990140004654" })
	void acceptsPublishedBins(String bin) {
		assertThat(KzIdentificationNumber.binProblem(bin)).isNull();
		assertThat(KzIdentificationNumber.isValidBin(bin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "961141000023", "250341000772" })
	void acceptsBinsWhoseCheckDigitComesFromTheSecondPass(String bin) {
		assertThat(firstPassRemainder(bin)).as("vector needs the second pass").isEqualTo(10);
		assertThat(KzIdentificationNumber.binProblem(bin)).isNull();
		assertThat(KzIdentificationNumber.isValidBin(bin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "901123300258", "850615301236", "010203600450",
			// 2000-02-29 (century digit 5 = 2000s, a leap year), check digit by the rule
			"000229500256" })
	void acceptsValidIins(String iin) {
		assertThat(KzIdentificationNumber.iinProblem(iin)).isNull();
		assertThat(KzIdentificationNumber.isValidIin(iin)).isTrue();
	}

	@Test
	void refusesBinWithWrongCheckDigit() {
		assertThat(KzIdentificationNumber.binProblem("240140012343")).contains("check digit");
		assertThat(KzIdentificationNumber.isValidBin("240140012343")).isFalse();
	}

	@ParameterizedTest
	@MethodSource("tenInBothPassesBins")
	void refusesEveryBinWhoseElevenDigitsGiveTenInBothPasses(String bin) {
		assertThat(KzIdentificationNumber.binProblem(bin)).contains("no valid number");
		assertThat(KzIdentificationNumber.isValidBin(bin)).isFalse();
	}

	@ParameterizedTest
	@MethodSource("tenInBothPassesIins")
	void refusesEveryIinWhoseElevenDigitsGiveTenInBothPasses(String iin) {
		assertThat(KzIdentificationNumber.iinProblem(iin)).contains("no valid number");
		assertThat(KzIdentificationNumber.isValidIin(iin)).isFalse();
	}

	@Test
	void refusesBinWithRegistrationMonthThirteen() {
		assertThat(KzIdentificationNumber.binProblem("241340012342")).contains("month");
		assertThat(KzIdentificationNumber.isValidBin("241340012342")).isFalse();
	}

	@Test
	void refusesBinWithTypeDigitSeven() {
		assertThat(KzIdentificationNumber.binProblem("240170012346")).contains("digit 5");
		assertThat(KzIdentificationNumber.isValidBin("240170012346")).isFalse();
	}

	@Test
	void refusesIinWithWrongCheckDigit() {
		assertThat(KzIdentificationNumber.iinProblem("901123300259")).contains("check digit");
		assertThat(KzIdentificationNumber.isValidIin("901123300259")).isFalse();
	}

	@Test
	void refusesIinWithBirthMonthThirteen() {
		// check digit correct by the rule, so only the date can be to blame
		assertThat(KzIdentificationNumber.iinProblem("901323300255")).contains("birth date");
		assertThat(KzIdentificationNumber.isValidIin("901323300255")).isFalse();
	}

	@Test
	void refusesIinBornOnTwentyNinthOfFebruaryInACommonYear() {
		assertThat(KzIdentificationNumber.iinProblem("900229300251")).contains("birth date");
		assertThat(KzIdentificationNumber.isValidIin("900229300251")).isFalse();
	}

	@Test
	void refusesIinWithCenturyDigitSeven() {
		assertThat(KzIdentificationNumber.iinProblem("901123700253")).contains("digit 7");
		assertThat(KzIdentificationNumber.isValidIin("901123700253")).isFalse();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "2401400123A2", "24014001234", "2401400123430", "", "            ", "24014001234 ",
			"-24014001234", "２４０１４００１２３４３" })
	void refusesAnythingButTwelveDigitsAsBin(String value) {
		assertThat(KzIdentificationNumber.binProblem(value)).isEqualTo("must be exactly 12 digits");
		assertThat(KzIdentificationNumber.isValidBin(value)).isFalse();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "9011233002A8", "90112330025", "9011233002580", "", "90112330025 " })
	void refusesAnythingButTwelveDigitsAsIin(String value) {
		assertThat(KzIdentificationNumber.iinProblem(value)).isEqualTo("must be exactly 12 digits");
		assertThat(KzIdentificationNumber.isValidIin(value)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "901123300258", "850615301236", "010203600450" })
	void doesNotTakeAnIinForABin(String iin) {
		assertThat(KzIdentificationNumber.isValidBin(iin)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "940140000385", "950341000052", "961141000023", "990140004654" })
	void doesNotTakeABinForAnIin(String bin) {
		assertThat(KzIdentificationNumber.isValidIin(bin)).isFalse();
	}

	static Stream<String> tenInBothPassesBins() {
		return IntStream.rangeClosed(0, 9).mapToObj(x -> "24024000064" + x);
	}

	static Stream<String> tenInBothPassesIins() {
		return IntStream.rangeClosed(0, 9).mapToObj(x -> "90112330003" + x);
	}

	private static int firstPassRemainder(String value) {
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (value.charAt(i) - '0') * (i + 1);
		}
		return sum % 11;
	}

}
