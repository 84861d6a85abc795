package kz.prometric.erp.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An amount of tenge written out in words, as Kazakhstan invoices print their total
 * ("Всего к оплате: …"): the whole tenge in words, the tiyn as two digits, in Russian
 * ({@code Одна тысяча один тенге 00 тиынов}), Kazakh ({@code Бір мың бір теңге 00 тиын})
 * or English ({@code One thousand one tenge 00 tiyn}); any other language is written in
 * English. The first letter is a capital.
 * <ul>
 * <li>Russian: тенге is indeclinable and masculine (один тенге, два тенге, пять тенге);
 * тысяча is feminine (одна тысяча, две тысячи); миллион, миллиард and тиын decline (два
 * миллиона, пять миллионов; 01 тиын, 02 тиына, 05 тиынов, 11 тиынов, 21 тиын).</li>
 * <li>Kazakh: a noun after a numeral stays singular (екі теңге, бес миллион); hundreds
 * and thousands are written with бір (бір жүз, бір мың), as in banking documents, so
 * nothing can be put in front of them.</li>
 * <li>English: tens and units are hyphenated (twenty-one), no "and".</li>
 * </ul>
 * Amounts are rounded half-up to the tiyn; up to 999 trillion tenge, and a negative
 * amount starts with "минус"/"minus".
 */
public final class AmountInWords {

	private static final String[] RU_UNITS = { "", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь",
			"девять", "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
			"семнадцать", "восемнадцать", "девятнадцать" };

	private static final String[] RU_TENS = { "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
			"семьдесят", "восемьдесят", "девяносто" };

	private static final String[] RU_HUNDREDS = { "", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
			"семьсот", "восемьсот", "девятьсот" };

	// one, few (2-4), many (5-20, 0) per scale; thousands are feminine
	private static final String[][] RU_SCALES = { { "", "", "" }, { "тысяча", "тысячи", "тысяч" },
			{ "миллион", "миллиона", "миллионов" }, { "миллиард", "миллиарда", "миллиардов" },
			{ "триллион", "триллиона", "триллионов" } };

	private static final String[] KK_UNITS = { "", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз",
			"тоғыз" };

	private static final String[] KK_TENS = { "", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен",
			"тоқсан" };

	private static final String[] KK_SCALES = { "", "мың", "миллион", "миллиард", "триллион" };

	private static final String[] EN_UNITS = { "", "one", "two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
			"nineteen" };

	private static final String[] EN_TENS = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
			"eighty", "ninety" };

	private static final String[] EN_SCALES = { "", "thousand", "million", "billion", "trillion" };

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

	private AmountInWords() {
	}

	/** The amount in words in the language of {@code locale} (ru, kk, else English). */
	public static String of(BigDecimal amount, Locale locale) {
		if (amount == null) {
			throw new IllegalArgumentException("No amount to write in words");
		}
		BigDecimal money = amount.setScale(2, RoundingMode.HALF_UP);
		boolean negative = money.signum() < 0;
		money = money.abs();
		if (money.compareTo(LIMIT) >= 0) {
			throw new IllegalArgumentException("Too large to write in words: " + amount.toPlainString());
		}
		long tenge = money.longValue();
		int tiyn = tiynOf(money);
		Language language = Language.of(locale);
		String words = language.words(tenge);
		String text = (negative ? language.minus + " " : "") + words + " " + language.tenge + " "
				+ String.format(Locale.ROOT, "%02d", tiyn) + " " + language.tiyn(tiyn);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static int tiynOf(BigDecimal money) {
		return money.subtract(new BigDecimal(money.toBigInteger())).movePointRight(2).intValue();
	}

	/** How one language writes numbers. */
	private enum Language {

		RUSSIAN("минус", "тенге") {

			@Override
			String zero() {
				return "ноль";
			}

			@Override
			void group(List<String> words, int number, int scale) {
				int hundreds = number / 100;
				int rest = number % 100;
				add(words, RU_HUNDREDS[hundreds]);
				if (rest < 20) {
					add(words, unit(rest, scale == 1));
				}
				else {
					add(words, RU_TENS[rest / 10]);
					add(words, unit(rest % 10, scale == 1));
				}
				if (scale > 0) {
					words.add(RU_SCALES[scale][form(number)]);
				}
			}

			private String unit(int number, boolean feminine) {
				if (feminine && number == 1) {
					return "одна";
				}
				if (feminine && number == 2) {
					return "две";
				}
				return RU_UNITS[number];
			}

			@Override
			String tiyn(int tiyn) {
				return new String[] { "тиын", "тиына", "тиынов" }[form(tiyn)];
			}
		},

		KAZAKH("минус", "теңге") {

			@Override
			String zero() {
				return "нөл";
			}

			@Override
			void group(List<String> words, int number, int scale) {
				int hundreds = number / 100;
				if (hundreds > 0) {
					words.add(KK_UNITS[hundreds]);
					words.add("жүз");
				}
				add(words, KK_TENS[number % 100 / 10]);
				add(words, KK_UNITS[number % 10]);
				if (scale > 0) {
					words.add(KK_SCALES[scale]);
				}
			}

			@Override
			String tiyn(int tiyn) {
				return "тиын";
			}
		},

		ENGLISH("minus", "tenge") {

			@Override
			String zero() {
				return "zero";
			}

			@Override
			void group(List<String> words, int number, int scale) {
				int hundreds = number / 100;
				int rest = number % 100;
				if (hundreds > 0) {
					words.add(EN_UNITS[hundreds]);
					words.add("hundred");
				}
				if (rest < 20) {
					add(words, EN_UNITS[rest]);
				}
				else {
					add(words, EN_TENS[rest / 10] + ((rest % 10 > 0) ? "-" + EN_UNITS[rest % 10] : ""));
				}
				if (scale > 0) {
					words.add(EN_SCALES[scale]);
				}
			}

			@Override
			String tiyn(int tiyn) {
				return "tiyn";
			}
		};

		final String minus;

		final String tenge;

		Language(String minus, String tenge) {
			this.minus = minus;
			this.tenge = tenge;
		}

		static Language of(Locale locale) {
			String language = (locale != null) ? locale.getLanguage() : "";
			return switch (language) {
				case "ru" -> RUSSIAN;
				case "kk" -> KAZAKH;
				default -> ENGLISH;
			};
		}

		abstract String zero();

		/** Adds the words of a group of three digits (1-999) of scale 0 (units) to 4. */
		abstract void group(List<String> words, int number, int scale);

		abstract String tiyn(int tiyn);

		String words(long number) {
			if (number == 0) {
				return zero();
			}
			int[] groups = new int[5];
			for (int scale = 0; scale < groups.length; scale++) {
				groups[scale] = (int) (number % 1000);
				number /= 1000;
			}
			List<String> words = new ArrayList<>();
			for (int scale = groups.length - 1; scale >= 0; scale--) {
				if (groups[scale] > 0) {
					group(words, groups[scale], scale);
				}
			}
			return String.join(" ", words);
		}

		static void add(List<String> words, String word) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}

		/**
		 * Russian plural form: 0 one (1, 21, 101), 1 few (2-4, 22), 2 many (0, 5-20, 25).
		 */
		static int form(int number) {
			int lastTwo = number % 100;
			int last = number % 10;
			if (lastTwo >= 11 && lastTwo <= 19) {
				return 2;
			}
			if (last == 1) {
				return 0;
			}
			return (last >= 2 && last <= 4) ? 1 : 2;
		}

	}

}
