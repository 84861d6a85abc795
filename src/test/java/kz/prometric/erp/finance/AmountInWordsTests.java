package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Totals in words as a Kazakhstan invoice prints them, in Russian (genders and plurals),
 * Kazakh and English, on the numbers where such formatters usually go wrong.
 */
class AmountInWordsTests {

	private static final Locale RU = Locale.forLanguageTag("ru");

	private static final Locale KK = Locale.forLanguageTag("kk");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					0            | Ноль тенге 00 тиынов
					1            | Один тенге 00 тиынов
					2            | Два тенге 00 тиынов
					5            | Пять тенге 00 тиынов
					11           | Одиннадцать тенге 00 тиынов
					12           | Двенадцать тенге 00 тиынов
					21           | Двадцать один тенге 00 тиынов
					22           | Двадцать два тенге 00 тиынов
					101          | Сто один тенге 00 тиынов
					111          | Сто одиннадцать тенге 00 тиынов
					1000         | Одна тысяча тенге 00 тиынов
					1001         | Одна тысяча один тенге 00 тиынов
					2000         | Две тысячи тенге 00 тиынов
					5000         | Пять тысяч тенге 00 тиынов
					11000        | Одиннадцать тысяч тенге 00 тиынов
					21000        | Двадцать одна тысяча тенге 00 тиынов
					22000        | Двадцать две тысячи тенге 00 тиынов
					1000000      | Один миллион тенге 00 тиынов
					2000000      | Два миллиона тенге 00 тиынов
					5000000      | Пять миллионов тенге 00 тиынов
					1322400.00   | Один миллион триста двадцать две тысячи четыреста тенге 00 тиынов
					1000000000   | Один миллиард тенге 00 тиынов
					999999999.99 | Девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять тенге 99 тиынов
					0.01         | Ноль тенге 01 тиын
					0.02         | Ноль тенге 02 тиына
					0.05         | Ноль тенге 05 тиынов
					0.11         | Ноль тенге 11 тиынов
					0.21         | Ноль тенге 21 тиын
					0.24         | Ноль тенге 24 тиына
					12.5         | Двенадцать тенге 50 тиынов
					""")
	void writesRussianWithGendersAndPlurals(String amount, String words) {
		assertThat(AmountInWords.of(new BigDecimal(amount), RU)).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					0            | Нөл теңге 00 тиын
					1            | Бір теңге 00 тиын
					2            | Екі теңге 00 тиын
					11           | Он бір теңге 00 тиын
					12           | Он екі теңге 00 тиын
					21           | Жиырма бір теңге 00 тиын
					101          | Бір жүз бір теңге 00 тиын
					1000         | Бір мың теңге 00 тиын
					1001         | Бір мың бір теңге 00 тиын
					2000         | Екі мың теңге 00 тиын
					5000000      | Бес миллион теңге 00 тиын
					1322400.00   | Бір миллион үш жүз жиырма екі мың төрт жүз теңге 00 тиын
					999999999.99 | Тоғыз жүз тоқсан тоғыз миллион тоғыз жүз тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз теңге 99 тиын
					40.07        | Қырық теңге 07 тиын
					""")
	void writesKazakh(String amount, String words) {
		assertThat(AmountInWords.of(new BigDecimal(amount), KK)).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					0            | Zero tenge 00 tiyn
					1            | One tenge 00 tiyn
					2            | Two tenge 00 tiyn
					11           | Eleven tenge 00 tiyn
					12           | Twelve tenge 00 tiyn
					21           | Twenty-one tenge 00 tiyn
					101          | One hundred one tenge 00 tiyn
					1000         | One thousand tenge 00 tiyn
					1001         | One thousand one tenge 00 tiyn
					2000         | Two thousand tenge 00 tiyn
					5000000      | Five million tenge 00 tiyn
					1322400.00   | One million three hundred twenty-two thousand four hundred tenge 00 tiyn
					999999999.99 | Nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine tenge 99 tiyn
					""")
	void writesEnglish(String amount, String words) {
		assertThat(AmountInWords.of(new BigDecimal(amount), Locale.ENGLISH)).isEqualTo(words);
	}

	@Test
	void roundsToTheTiynAndWritesOtherLanguagesInEnglish() {
		assertThat(AmountInWords.of(new BigDecimal("1.005"), RU)).isEqualTo("Один тенге 01 тиын");
		assertThat(AmountInWords.of(new BigDecimal("1.004"), RU)).isEqualTo("Один тенге 00 тиынов");
		assertThat(AmountInWords.of(new BigDecimal("0.999"), KK)).isEqualTo("Бір теңге 00 тиын");
		assertThat(AmountInWords.of(BigDecimal.TEN, Locale.GERMAN)).isEqualTo("Ten tenge 00 tiyn");
		assertThat(AmountInWords.of(BigDecimal.TEN, Locale.forLanguageTag("ru-KZ")))
			.isEqualTo("Десять тенге 00 тиынов");
		assertThat(AmountInWords.of(BigDecimal.TEN, null)).isEqualTo("Ten tenge 00 tiyn");
	}

	@Test
	void writesANegativeAmountWithMinusAndLargeOnesUpToTrillions() {
		assertThat(AmountInWords.of(new BigDecimal("-232.00"), RU))
			.isEqualTo("Минус двести тридцать два тенге 00 тиынов");
		assertThat(AmountInWords.of(new BigDecimal("-232.00"), KK)).isEqualTo("Минус екі жүз отыз екі теңге 00 тиын");
		assertThat(AmountInWords.of(new BigDecimal("-0.50"), Locale.ENGLISH)).isEqualTo("Minus zero tenge 50 tiyn");
		assertThat(AmountInWords.of(new BigDecimal("2001001001"), RU))
			.isEqualTo("Два миллиарда один миллион одна тысяча один тенге 00 тиынов");
		assertThat(AmountInWords.of(new BigDecimal("999999999999999.99"), Locale.ENGLISH))
			.startsWith("Nine hundred ninety-nine trillion nine hundred ninety-nine billion");
		assertThatIllegalArgumentException().isThrownBy(() -> AmountInWords.of(new BigDecimal("1000000000000000"), RU));
		assertThatIllegalArgumentException().isThrownBy(() -> AmountInWords.of(null, RU));
	}

}
