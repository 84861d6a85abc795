package kz.prometric.erp.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockBalanceTests {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	static StockBalance aBalanceWith(String onHand) {
		StockBalance balance = new StockBalance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW);
		balance.add(new BigDecimal(onHand), NOW);
		return balance;
	}

	@Test
	void reservesOnlyWhatIsAvailable() {
		StockBalance balance = aBalanceWith("5");

		assertThat(balance.reserveUpTo(new BigDecimal("3"), NOW)).isEqualByComparingTo("3");
		assertThat(balance.reserveUpTo(new BigDecimal("3"), NOW)).isEqualByComparingTo("2");
		assertThat(balance.reserveUpTo(new BigDecimal("3"), NOW)).isEqualByComparingTo("0");
		assertThat(balance.available()).isEqualByComparingTo("0");
	}

	@Test
	void issuesReservedStockOutOfOnHandAndReserved() {
		StockBalance balance = aBalanceWith("5");
		balance.reserveUpTo(new BigDecimal("4"), NOW);

		balance.issue(new BigDecimal("4"), NOW);

		assertThat(balance.view(BigDecimal.ZERO).onHand()).isEqualByComparingTo("1");
		assertThat(balance.view(BigDecimal.ZERO).reserved()).isEqualByComparingTo("0");
		assertThat(balance.view(BigDecimal.ZERO).available()).isEqualByComparingTo("1");
	}

	@Test
	void refusesAnAdjustmentBelowWhatIsReserved() {
		StockBalance balance = aBalanceWith("5");
		balance.reserveUpTo(new BigDecimal("4"), NOW);

		balance.adjust(new BigDecimal("-1"), NOW);

		assertThatThrownBy(() -> balance.adjust(new BigDecimal("-0.001"), NOW))
			.isInstanceOf(BusinessRuleViolation.class);
		assertThat(balance.view(BigDecimal.ZERO).onHand()).isEqualByComparingTo("4");
	}

	@Test
	void refusesToReleaseOrIssueMoreThanIsReserved() {
		StockBalance balance = aBalanceWith("5");
		balance.reserveUpTo(BigDecimal.ONE, NOW);

		assertThatThrownBy(() -> balance.release(new BigDecimal("2"), NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> balance.issue(new BigDecimal("2"), NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void acceptsQuantitiesWithAtMostThreeDecimals() {
		assertThat(Quantities.positive("quantity", new BigDecimal("1.500"))).isEqualByComparingTo("1.5");
		assertThat(Quantities.nonZero("quantity", new BigDecimal("-2"))).isEqualByComparingTo("-2");
		assertThatThrownBy(() -> Quantities.positive("quantity", new BigDecimal("0.0001")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Quantities.positive("quantity", BigDecimal.ZERO))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Quantities.nonZero("quantity", new BigDecimal("0.000")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Quantities.positive("quantity", new BigDecimal("1e17")))
			.isInstanceOf(InvalidInputException.class);
	}

}
