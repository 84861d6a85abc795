package kz.prometric.erp.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import kz.prometric.erp.finance.CreditLine;
import kz.prometric.erp.finance.InvoiceManagement;
import kz.prometric.erp.finance.InvoiceView;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.MutableClock;
import kz.prometric.erp.support.OrderInvoices;
import kz.prometric.erp.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report's figures from one fixed data set, built through the public API and
 * services with the clock set, equal what is computed by hand in the comments: the same
 * data set in a second workspace changes none of them. Members only; malformed parameters
 * are 400 naming the parameter.
 */
@ErpIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsReportsApiTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	/** Reads decimals as written, so 1500.00 keeps its 2 decimals. */
	static final ObjectMapper EXACT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	/**
	 * The aging report's date: every aging invoice is due a fixed number of days before.
	 */
	static final LocalDate X = LocalDate.of(2026, 6, 30);

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Value("${prometric.finance.payment-terms-days:14}")
	int paymentTermsDays;

	Tenant a;

	Tenant b;

	@BeforeAll
	void buildTheSameDataSetInTwoWorkspaces() {
		try {
			this.a = build("A");
			this.b = build("B");
		}
		finally {
			this.clock.reset();
			ClockUtil.reset();
		}
	}

	@AfterAll
	void resetClocks() {
		this.clock.reset();
		ClockUtil.reset();
	}

	// 1. pipeline

	@Test
	void pipelineCountsValuesAndWeighsOpenDealsPerStageAndOwner() {
		for (Tenant t : List.of(this.a, this.b)) {
			JsonNode report = get(t, "/pipeline").json();

			JsonNode stages = report.path("stages");
			assertThat(stages).extracting(s -> s.path("stage").asText())
				.containsExactly("NEW", "QUALIFIED", "PROPOSAL", "NEGOTIATION");
			// NEW: D1 1000.00 × 10 + D5 500.00 × 33 = 10000 + 16500 = 26500 / 100 =
			// 265.00
			assertFigure(stages.get(0), 2, "1500.00", "265.00");
			// QUALIFIED: D2 2000.00 × 25 = 50000 / 100 = 500.00
			assertFigure(stages.get(1), 1, "2000.00", "500.00");
			// PROPOSAL: D3 3000.50 × 45 = 135022.5 / 100 = 1350.225 → 1350.23 (half up)
			assertFigure(stages.get(2), 1, "3000.50", "1350.23");
			// NEGOTIATION: D4 0.10 × 45 = 4.5 / 100 = 0.045 → 0.05
			assertFigure(stages.get(3), 1, "0.10", "0.05");
			// open: 5 deals, 1500.00 + 2000.00 + 3000.50 + 0.10 = 6500.60;
			// weighted 265.00 + 500.00 + 1350.23 + 0.05 = 2115.28
			assertFigure(report.path("open"), 5, "6500.60", "2115.28");
			// won: W1 4000 + W2 6000 + W3 1000 + W4 2500 = 13500.00; lost: L1 700 + L2
			// 300
			assertThat(report.path("won").path("count").asLong()).isEqualTo(4);
			assertMoney(report.path("won").path("value"), "13500.00");
			assertThat(report.path("lost").path("count").asLong()).isEqualTo(2);
			assertMoney(report.path("lost").path("value"), "1000.00");

			JsonNode owners = report.path("owners");
			assertThat(owners).hasSize(3);
			// by value, largest first: Bolat (D3) 3000.50, Aida (D1, D2) 3000.00, nobody
			// (D4, D5) 500.10
			assertThat(owners.get(0).path("ownerId").asText()).isEqualTo(t.bolat.toString());
			assertThat(owners.get(0).path("ownerName").asText()).isEqualTo("Bolat Owner");
			assertFigure(owners.get(0), 1, "3000.50", "1350.23");
			assertThat(owners.get(1).path("ownerId").asText()).isEqualTo(t.aida.toString());
			// (1000.00 × 10 + 2000.00 × 25) / 100 = (10000 + 50000) / 100 = 600.00
			assertFigure(owners.get(1), 2, "3000.00", "600.00");
			assertThat(owners.get(2).path("ownerId").isMissingNode()).isTrue();
			// (0.10 × 45 + 500.00 × 33) / 100 = (4.5 + 16500) / 100 = 165.045 → 165.05
			assertFigure(owners.get(2), 2, "500.10", "165.05");
		}
	}

	// 2. forecast

	@Test
	void forecastsOpenDealsByExpectedCloseMonthWithUndatedDealsApart() {
		JsonNode report = get(this.a, "/forecast").json();

		JsonNode months = report.path("months");
		// W1 (won) expected in May is left out; D4 and D5 have no date
		assertThat(months).extracting(m -> m.path("month").asText()).containsExactly("2026-05", "2026-06");
		// May: D1 1000.00 + D2 2000.00; (1000 × 10 + 2000 × 25) / 100 = 600.00
		assertFigure(months.get(0), 2, "3000.00", "600.00");
		// June: D3 3000.50; 3000.50 × 45 / 100 = 1350.225 → 1350.23
		assertFigure(months.get(1), 1, "3000.50", "1350.23");
		// no date: D4 0.10 + D5 500.00; (4.5 + 16500) / 100 = 165.045 → 165.05
		assertFigure(report.path("withoutDate"), 2, "500.10", "165.05");

		JsonNode june = get(this.a, "/forecast?from=2026-06&to=2026-06").json();
		assertThat(june.path("months")).extracting(m -> m.path("month").asText()).containsExactly("2026-06");
		assertFigure(june.path("withoutDate"), 2, "500.10", "165.05");
		assertThat(get(this.a, "/forecast?from=2026-07").json().path("months")).isEmpty();
	}

	// 3. win rate and cycle time

	@Test
	void winRateAndCycleTimeCountTheDealsClosedInThePeriod() {
		JsonNode q1 = get(this.a, "/win-rate?from=2026-01-01&to=2026-03-31").json();

		// closed in Q1: W1 (15 Jan), W2 (9 Feb), W3 (3 Feb), W4 (8 Mar) won; L1 (20 Feb)
		// lost; L2 lost on 2 April is outside
		assertThat(q1.path("won").asLong()).isEqualTo(4);
		assertThat(q1.path("lost").asLong()).isEqualTo(1);
		assertMoney(q1.path("wonValue"), "13500.00");
		assertMoney(q1.path("lostValue"), "700.00");
		// 4 / (4 + 1) = 80.00 %
		assertMoney(q1.path("winRatePercent"), "80.00");
		// days to win: W1 5 → 15 Jan = 10, W2 10 Jan → 9 Feb = 30, W3 1 → 3 Feb = 2,
		// W4 1 → 8 Mar = 7; average (10 + 30 + 2 + 7) / 4 = 49 / 4 = 12.25;
		// median of 2, 7, 10, 30 = (7 + 10) / 2 = 8.50
		assertMoney(q1.path("averageDaysToWin"), "12.25");
		assertMoney(q1.path("medianDaysToWin"), "8.50");

		// both ends included: only W4 closed on 8 March
		JsonNode oneDay = get(this.a, "/win-rate?from=2026-03-08&to=2026-03-08").json();
		assertThat(oneDay.path("won").asLong()).isEqualTo(1);
		assertThat(oneDay.path("lost").asLong()).isZero();
		assertMoney(oneDay.path("winRatePercent"), "100.00");
		assertMoney(oneDay.path("averageDaysToWin"), "7.00");
		assertMoney(oneDay.path("medianDaysToWin"), "7.00");

		// only L2 (2 April): 0 / (0 + 1) = 0.00 %, no cycle time
		JsonNode april = get(this.a, "/win-rate?from=2026-04-01&to=2026-04-30").json();
		assertMoney(april.path("winRatePercent"), "0.00");
		assertThat(april.path("averageDaysToWin").isMissingNode()).isTrue();
		// nothing closed: no rate at all
		JsonNode empty = get(this.a, "/win-rate?from=2025-01-01&to=2025-12-31").json();
		assertThat(empty.path("won").asLong()).isZero();
		assertThat(empty.path("winRatePercent").isMissingNode()).isTrue();
	}

	// 4. sales

	@Test
	void salesByMonthCountInvoicesOnTheirIssueDateAndSubtractCreditNotes() {
		JsonNode report = get(this.a, "/sales?from=2026-01-01&to=2026-02-28&groupBy=month").json();

		assertThat(report.path("groupBy").asText()).isEqualTo("month");
		JsonNode periods = report.path("periods");
		assertThat(periods).extracting(p -> p.path("period").asText()).containsExactly("2026-01-01", "2026-02-01");
		// January: I1 net 2 × 500.00 = 1000.00, VAT 16 % 160.00, gross 1160.00;
		// I2 net 300.00, VAT 48.00, gross 348.00 → 1300.00 / 208.00 / 1508.00
		assertSales(periods.get(0), 2, 0, "1300.00", "208.00", "1508.00");
		// February: I3 net 500.00 + 2 × 300.00 = 1100.00, VAT 176.00, gross 1276.00;
		// CN1 −300.00 / −48.00 / −348.00 → 800.00 / 128.00 / 928.00
		assertSales(periods.get(1), 1, 1, "800.00", "128.00", "928.00");
		// 1300 + 800 = 2100.00; 208 + 128 = 336.00; 1508 + 928 = 2436.00
		assertSales(report.path("total"), 3, 1, "2100.00", "336.00", "2436.00");

		JsonNode customers = report.path("customers");
		assertThat(customers).extracting(c -> c.path("customerName").asText()).containsExactly("Alpha LLP", "Beta LLP");
		// Alpha: I1 + I3 + CN1 = 1000 + 1100 − 300 = 1800.00; 160 + 176 − 48 = 288.00;
		// 1160 + 1276 − 348 = 2088.00
		assertSales(customers.get(0), 2, 1, "1800.00", "288.00", "2088.00");
		assertThat(customers.get(0).path("customerId").asText()).isEqualTo(this.a.alpha.toString());
		assertSales(customers.get(1), 1, 0, "300.00", "48.00", "348.00");

		JsonNode products = report.path("products");
		assertThat(products).extracting(p -> p.path("productName").asText()).containsExactly("Plywood", "Glue");
		// Plywood: I1 2 + I3 1 = 3.000; 1000.00 + 500.00 = 1500.00
		assertThat(products.get(0).path("productId").asText()).isEqualTo(this.a.plywood.toString());
		assertThat(products.get(0).path("quantity").decimalValue()).isEqualByComparingTo("3");
		assertMoney(products.get(0).path("net"), "1500.00");
		// Glue: I2 1 + I3 2 − CN1 1 = 2.000; 300.00 + 600.00 − 300.00 = 600.00
		assertThat(products.get(1).path("quantity").decimalValue()).isEqualByComparingTo("2");
		assertMoney(products.get(1).path("net"), "600.00");
		assertThat(get(this.a, "/sales?from=2026-01-01&to=2026-02-28&groupBy=month").text()).contains("\"net\":1500.00",
				"\"quantity\":3.000");
	}

	@Test
	void salesByWeekAndDayListEveryPeriodOfTheRange() {
		// 5 January 2026 is a Monday: I1 (Mon 5th) and I2 (Wed 7th) share a week
		JsonNode weeks = get(this.a, "/sales?from=2026-01-05&to=2026-01-18&groupBy=week").json().path("periods");
		assertThat(weeks).extracting(p -> p.path("period").asText()).containsExactly("2026-01-05", "2026-01-12");
		assertSales(weeks.get(0), 2, 0, "1300.00", "208.00", "1508.00");
		assertSales(weeks.get(1), 0, 0, "0.00", "0.00", "0.00");
		// a range starting mid-week is labelled by that week's Monday
		JsonNode midWeek = get(this.a, "/sales?from=2026-01-07&to=2026-01-07&groupBy=WEEK").json().path("periods");
		assertThat(midWeek).extracting(p -> p.path("period").asText()).containsExactly("2026-01-05");
		// only I2 of that week is in the range
		assertSales(midWeek.get(0), 1, 0, "300.00", "48.00", "348.00");

		JsonNode days = get(this.a, "/sales?from=2026-01-05&to=2026-01-07&groupBy=day").json().path("periods");
		assertThat(days).extracting(p -> p.path("period").asText())
			.containsExactly("2026-01-05", "2026-01-06", "2026-01-07");
		assertSales(days.get(0), 1, 0, "1000.00", "160.00", "1160.00");
		assertSales(days.get(1), 0, 0, "0.00", "0.00", "0.00");
		assertSales(days.get(2), 1, 0, "300.00", "48.00", "348.00");
	}

	@Test
	void periodsDefaultToTheTwelveMonthsUpToTodayInAlmaty() {
		// 19:30 UTC on 14 February is already 15 February in Almaty
		this.clock.set(Instant.parse("2026-02-14T19:30:00Z"));
		try {
			JsonNode report = get(this.a, "/sales").json();

			assertThat(report.path("from").asText()).isEqualTo("2025-03-01");
			assertThat(report.path("to").asText()).isEqualTo("2026-02-15");
			assertThat(report.path("groupBy").asText()).isEqualTo("month");
			assertThat(report.path("periods")).hasSize(12);
			// I1, I2 and I3 are issued by then, CN1 (20 February) is not
			assertSales(report.path("total"), 3, 0, "2400.00", "384.00", "2784.00");
			assertThat(get(this.a, "/receivables-aging").json().path("asOf").asText()).isEqualTo("2026-02-15");
		}
		finally {
			this.clock.reset();
		}
	}

	// 5. receivables aging

	@Test
	void agingPutsEachOpenBalanceInTheBucketOfItsDaysPastDue() {
		JsonNode report = get(this.a, "/receivables-aging?asOf=" + X).json();

		assertThat(report.path("asOf").asText()).isEqualTo(X.toString());
		// Gamma's invoices, due X − k: k = −5 and 0 are current, 1 and 30 in 1–30, 31 and
		// 60 in 31–60, 61 and 90 in 61–90, 91 over 90; the one issued after X, the paid
		// one and the payment dated after X do not count
		// current: 1160.00 (k −5) + 116.00 (k 0) = 1276.00
		// 1–30: 232.00 (k 1) + 348.00 (k 30) = 580.00
		// 31–60: 464.00 (k 31) + 580.00 (k 60) = 1044.00
		// 61–90: 696.00 (k 61, its payment is dated X + 2) + 812.00 (k 90) = 1508.00
		// over 90: 928.00 (k 91)
		JsonNode customers = report.path("customers");
		assertThat(customers).extracting(c -> c.path("customerName").asText())
			.containsExactly("Gamma LLP", "Alpha LLP", "Beta LLP");
		JsonNode gamma = customers.get(0).path("buckets");
		assertBucket(gamma.path("current"), "1276.00", 2);
		assertBucket(gamma.path("days1To30"), "580.00", 2);
		assertBucket(gamma.path("days31To60"), "1044.00", 2);
		assertBucket(gamma.path("days61To90"), "1508.00", 2);
		assertBucket(gamma.path("over90"), "928.00", 1);
		// 1276 + 580 + 1044 + 1508 + 928 = 5336.00
		assertBucket(gamma.path("total"), "5336.00", 9);
		// Alpha: I1 1160.00 − 500.00 paid = 660.00 (due 19 Jan, 162 days) and I3 1276.00
		// − 348.00 credited = 928.00 (due 24 Feb, 126 days): 1588.00 over 90
		JsonNode alpha = customers.get(1).path("buckets");
		assertBucket(alpha.path("over90"), "1588.00", 2);
		assertBucket(alpha.path("current"), "0.00", 0);
		assertBucket(alpha.path("total"), "1588.00", 2);
		// Beta: I2 348.00, due 21 January
		assertBucket(customers.get(2).path("buckets").path("over90"), "348.00", 1);

		JsonNode total = report.path("total");
		assertBucket(total.path("current"), "1276.00", 2);
		assertBucket(total.path("days1To30"), "580.00", 2);
		assertBucket(total.path("days31To60"), "1044.00", 2);
		assertBucket(total.path("days61To90"), "1508.00", 2);
		// 928.00 + 1588.00 + 348.00 = 2864.00
		assertBucket(total.path("over90"), "2864.00", 4);
		// 1276 + 580 + 1044 + 1508 + 2864 = 7272.00
		assertBucket(total.path("total"), "7272.00", 12);
	}

	@Test
	void agingMovesEachInvoiceAcrossABoundaryOneDayLater() {
		JsonNode total = get(this.a, "/receivables-aging?asOf=" + X.plusDays(1)).json().path("total");

		// one day later every day count grows by one:
		// current: k −5 (now −4) 1160.00 + the invoice issued on X + 1, 58.00 = 1218.00
		assertBucket(total.path("current"), "1218.00", 2);
		// 1–30: k 0 (now 1) 116.00 + k 1 (now 2) 232.00 = 348.00
		assertBucket(total.path("days1To30"), "348.00", 2);
		// 31–60: k 30 (now 31) 348.00 + k 31 (now 32) 464.00 = 812.00
		assertBucket(total.path("days31To60"), "812.00", 2);
		// 61–90: k 60 (now 61) 580.00 + k 61 (now 62) 696.00 = 1276.00
		assertBucket(total.path("days61To90"), "1276.00", 2);
		// over 90: k 90 (now 91) 812.00 + k 91 928.00 + Alpha 1588.00 + Beta 348.00
		assertBucket(total.path("over90"), "3676.00", 5);
		assertBucket(total.path("total"), "7330.00", 13);

		// X + 2: the payment of 96.00 dated X + 2 now lowers k 61 to 600.00
		JsonNode later = get(this.a, "/receivables-aging?asOf=" + X.plusDays(2)).json().path("total");
		// 61–90 on X + 2: k 60 (62) 580.00 + k 61 (63) 600.00 = 1180.00
		assertBucket(later.path("days61To90"), "1180.00", 2);

		// before any invoice was issued nothing is owed
		JsonNode before = get(this.a, "/receivables-aging?asOf=2025-12-31").json();
		assertThat(before.path("customers")).isEmpty();
		assertBucket(before.path("total").path("total"), "0.00", 0);
	}

	// 6. stock valuation

	@Test
	void stockValuationValuesOnHandAtTheMovingAverageCost() {
		JsonNode report = get(this.a, "/stock-valuation").json();

		// Plywood: MAIN 10 @ 80.00, MAIN 5 @ 86.00 → (800 + 430) / 15 = 82.0000;
		// SPARE 5 @ 90.00 → (15 × 82 + 5 × 90) / 20 = (1230 + 450) / 20 = 84.0000
		// Glue: MAIN 3.5 @ 12.35 → 12.3500
		JsonNode items = report.path("items");
		assertThat(items).extracting(i -> i.path("warehouseCode").asText() + "/" + i.path("productCode").asText())
			.containsExactly("MAIN/GLUE", "MAIN/PLY-18", "SPARE/PLY-18");
		// 3.5 × 12.35 = 43.225 → 43.23 (half up)
		assertStock(items.get(0), "3.5", "12.35", "43.23");
		// 15 × 84 = 1260.00
		assertStock(items.get(1), "15", "84", "1260.00");
		// 5 × 84 = 420.00
		assertStock(items.get(2), "5", "84", "420.00");
		JsonNode warehouses = report.path("warehouses");
		assertThat(warehouses).extracting(w -> w.path("warehouseCode").asText()).containsExactly("MAIN", "SPARE");
		// MAIN 43.23 + 1260.00 = 1303.23; SPARE 420.00
		assertMoney(warehouses.get(0).path("value"), "1303.23");
		assertThat(warehouses.get(0).path("products").asLong()).isEqualTo(2);
		assertMoney(warehouses.get(1).path("value"), "420.00");
		// 1303.23 + 420.00 = 1723.23
		assertMoney(report.path("total"), "1723.23");
	}

	// 7. process figures

	@Test
	void processFiguresComeFromTheEnginesHistoryOfTheWorkspace() {
		JsonNode smoke = process(get(this.a, "/process-figures?from=2026-03-10&to=2026-03-10").json());

		// completed on 10 March in Almaty: 1 h, 3 h, 2 h 30 min and the 10 min one that
		// ended at 00:10 Almaty (still 9 March in UTC); the one ending at 00:30 on 11
		// March Almaty (10 March in UTC) is not of this day; one terminated
		assertThat(smoke.path("completed").asLong()).isEqualTo(4);
		assertThat(smoke.path("terminated").asLong()).isEqualTo(1);
		// (600,000 + 3,600,000 + 9,000,000 + 10,800,000) / 4 = 24,000,000 / 4 = 6,000,000
		assertThat(smoke.path("averageMillis").asLong()).isEqualTo(6_000_000L);
		// median of the four: (3,600,000 + 9,000,000) / 2 = 6,300,000
		assertThat(smoke.path("medianMillis").asLong()).isEqualTo(6_300_000L);
		// the only step that takes time is the review task (the terminated instance's
		// cancelled task is left out); start and end events are not steps
		assertThat(smoke.path("steps")).extracting(s -> s.path("activityId").asText()).containsExactly("Task_Review");
		JsonNode review = smoke.path("steps").get(0);
		assertThat(review.path("activityType").asText()).isEqualTo("userTask");
		assertThat(review.path("instances").asLong()).isEqualTo(4);
		assertThat(review.path("averageMillis").asLong()).isEqualTo(6_000_000L);
		assertThat(review.path("medianMillis").asLong()).isEqualTo(6_300_000L);

		JsonNode next = process(get(this.a, "/process-figures?from=2026-03-11&to=2026-03-11").json());
		assertThat(next.path("completed").asLong()).isEqualTo(1);
		assertThat(next.path("terminated").asLong()).isZero();
		assertThat(next.path("averageMillis").asLong()).isEqualTo(3_600_000L);
		assertThat(next.path("medianMillis").asLong()).isEqualTo(3_600_000L);
	}

	// isolation, access, parameters

	@Test
	void anotherWorkspacesDataIsExcludedFromEveryReport() {
		// B holds the same data set as A: had A's reports counted B's rows, every figure
		// asserted above would be doubled; B's own reports equal A's
		for (String report : List.of("/pipeline", "/forecast", "/win-rate?from=2026-01-01&to=2026-03-31",
				"/sales?from=2026-01-01&to=2026-02-28&groupBy=week", "/receivables-aging?asOf=" + X, "/stock-valuation",
				"/process-figures?from=2026-03-10&to=2026-03-11")) {
			String ofA = withoutIds(this.a, get(this.a, report).json());
			String ofB = withoutIds(this.b, get(this.b, report).json());
			assertThat(ofB).as(report).isEqualTo(ofA);
		}
		// a workspace without data has nothing
		TestData.User loner = this.data.user("Loner");
		TestData.Org empty = this.data.organization(loner, "Empty Trade");
		String base = "/api/workspaces/" + empty.workspaceId() + "/analytics";
		assertThat(this.api.get(base + "/pipeline", loner.token()).json().path("open").path("count").asLong()).isZero();
		assertThat(this.api.get(base + "/stock-valuation", loner.token()).json().path("items")).isEmpty();
		assertThat(this.api.get(base + "/process-figures?from=2026-03-10&to=2026-03-11", loner.token())
			.json()
			.path("processes")).isEmpty();
		assertThat(this.api.get(base + "/receivables-aging?asOf=" + X, loner.token()).json().path("customers"))
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/pipeline", "/forecast", "/win-rate", "/sales", "/receivables-aging", "/stock-valuation",
			"/process-figures" })
	void onlyMembersSeeTheReports(String report) {
		TestData.User stranger = this.data.user("Stranger");
		// B's owner is a member of B only
		Api.Response ofA = this.api.get(base(this.a) + report, this.b.owner.token());
		Api.Response strangers = this.api.get(base(this.a) + report, stranger.token());
		Api.Response anonymous = this.api.get(base(this.a) + report, null);

		assertThat(ofA.status()).as(ofA.toString()).isEqualTo(404);
		assertThat(ofA.contentType()).startsWith("application/problem+json");
		assertThat(ofA.text()).doesNotContain("Alpha", "Gamma", "Plywood");
		assertThat(strangers.status()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
		// a member who is not the owner reads them
		assertThat(this.api.get(base(this.a) + report, this.a.member.token()).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/win-rate?from=2026-03-01&to=2026-01-01:to", "/win-rate?from=2026-02-30:from",
			"/win-rate?to=yesterday:to", "/win-rate?from=0999-01-01:from", "/sales?groupBy=year:groupBy",
			"/sales?from=2026-13-01:from", "/sales?from=2010-01-01&to=2026-01-01&groupBy=day:from",
			"/sales?from=2026-02-01&to=2026-01-31:to", "/receivables-aging?asOf=30.06.2026:asOf",
			"/receivables-aging?asOf=1899-12-31:asOf", "/forecast?from=2026-13:from",
			"/forecast?from=2026-05&to=2026-01:to", "/process-figures?from=2026-03-11&to=2026-03-10:to",
			"/process-figures?to=10000-01-01:to", "/sales?from=1900-01-01&to=9999-12-31:from" })
	void refusesBadParametersNamingThem(String pathAndField) {
		String path = pathAndField.substring(0, pathAndField.lastIndexOf(':'));
		String field = pathAndField.substring(pathAndField.lastIndexOf(':') + 1);

		Api.Response response = this.api.get(base(this.a) + path, this.a.owner.token());

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).as(response.toString()).contains(field);
	}

	// the fixed data set

	/**
	 * One workspace's data set: deals with set probabilities, owners and dates; invoices,
	 * a credit note and payments on set days; stock receipts at set costs; review
	 * processes with set durations.
	 */
	private Tenant build(String name) {
		// accounts and their tokens are made at the real time: a token issued on a set
		// day would have expired long ago
		this.clock.reset();
		TestData.User owner = this.data.user("Owner" + name);
		TestData.User member = this.data.user("Member" + name);
		TestData.Org org = this.data.organization(owner, "Analytics Trade " + name);
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		Tenant t = new Tenant(owner, member, org);
		t.alpha = this.data.customer(owner, t.ws(), "Alpha LLP");
		t.beta = this.data.customer(owner, t.ws(), "Beta LLP");
		t.gamma = this.data.customer(owner, t.ws(), "Gamma LLP");
		t.aida = employee(t, "Aida Owner");
		t.bolat = employee(t, "Bolat Owner");
		deals(t);
		t.plywood = product(t, "PLY-18", "Plywood", "80.00");
		t.glue = product(t, "GLUE", "Glue", "10.00");
		sales(t);
		aging(t);
		stock(t);
		processes(t);
		return t;
	}

	private void deals(Tenant t) {
		at(LocalDate.of(2026, 1, 2));
		String d1 = deal(t, "D1", Map.of("value", "1000.00", "assignedTo", t.aida, "expectedCloseDate", "2026-05-10"));
		String d2 = deal(t, "D2", Map.of("value", "2000.00", "assignedTo", t.aida, "expectedCloseDate", "2026-05-20"));
		String d3 = deal(t, "D3", Map.of("value", "3000.50", "assignedTo", t.bolat, "expectedCloseDate", "2026-06-01"));
		String d4 = deal(t, "D4", Map.of("value", "0.10"));
		String d5 = deal(t, "D5", Map.of("value", "500.00"));
		stage(t, d2, "QUALIFIED", null);
		stage(t, d3, "PROPOSAL", null);
		stage(t, d4, "NEGOTIATION", null);
		probability(t, d1, 10);
		probability(t, d2, 25);
		probability(t, d3, 45);
		probability(t, d4, 45);
		probability(t, d5, 33);
		// won: created → won (days)
		won(t, "W1", "4000.00", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 15), "2026-05-15");
		won(t, "W2", "6000.00", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 9), null);
		won(t, "W3", "1000.00", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3), null);
		won(t, "W4", "2500.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8), null);
		lost(t, "L1", "700.00", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 20));
		lost(t, "L2", "300.00", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 2));
	}

	private void sales(Tenant t) {
		at(LocalDate.of(2026, 1, 5));
		InvoiceView i1 = invoice(t, t.alpha, List.of(line(t.plywood, "Plywood", "2", "500.00")));
		at(LocalDate.of(2026, 1, 7));
		invoice(t, t.beta, List.of(line(t.glue, "Glue", "1", "300.00")));
		at(LocalDate.of(2026, 2, 10));
		InvoiceView i3 = invoice(t, t.alpha,
				List.of(line(t.plywood, "Plywood", "1", "500.00"), line(t.glue, "Glue", "2", "300.00")));
		at(LocalDate.of(2026, 2, 20));
		InvoiceView note = this.invoices.creditNote(t.ws(), t.owner.id(), i3.id(), "One glue returned",
				List.of(new CreditLine(2, BigDecimal.ONE)));
		assertThat(note.grossTotal()).isEqualByComparingTo("-348.00");
		at(LocalDate.of(2026, 1, 20));
		this.invoices.recordPayment(t.ws(), t.owner.id(), i1.id(), new BigDecimal("500.00"), LocalDate.of(2026, 1, 20),
				"PP-1");
		assertThat(i1.grossTotal()).isEqualByComparingTo("1160.00");
		assertThat(i1.dueDate()).isEqualTo(LocalDate.of(2026, 1, 5).plusDays(this.paymentTermsDays));
	}

	/**
	 * Gamma's invoices, each due {@code k} days before X (issued k + the payment terms
	 * before X): net 100.00 × n, gross × 1.16.
	 */
	private void aging(Tenant t) {
		Map<Integer, String> nets = new HashMap<>();
		nets.put(-5, "1000.00");
		nets.put(0, "100.00");
		nets.put(1, "200.00");
		nets.put(30, "300.00");
		nets.put(31, "400.00");
		nets.put(60, "500.00");
		nets.put(61, "600.00");
		nets.put(90, "700.00");
		nets.put(91, "800.00");
		Map<Integer, InvoiceView> issued = new HashMap<>();
		for (Map.Entry<Integer, String> e : nets.entrySet()) {
			at(X.minusDays(e.getKey() + this.paymentTermsDays));
			InvoiceView invoice = invoice(t, t.gamma, List.of(line(null, "Service", "1", e.getValue())));
			assertThat(invoice.dueDate()).isEqualTo(X.minusDays(e.getKey()));
			issued.put(e.getKey(), invoice);
		}
		// k 91 again, but paid in full before X: not owed
		at(X.minusDays(91 + this.paymentTermsDays));
		InvoiceView paid = invoice(t, t.gamma, List.of(line(null, "Service", "1", "900.00")));
		at(X.minusDays(10));
		this.invoices.recordPayment(t.ws(), t.owner.id(), paid.id(), paid.grossTotal(), X.minusDays(10), "PP-2");
		// issued after X: 50.00 net, 58.00 gross
		at(X.plusDays(1));
		invoice(t, t.gamma, List.of(line(null, "Service", "1", "50.00")));
		// paid in part after X: 696.00 − 96.00 from X + 2 on
		at(X.plusDays(2));
		this.invoices.recordPayment(t.ws(), t.owner.id(), issued.get(61).id(), new BigDecimal("96.00"), X.plusDays(2),
				"PP-3");
	}

	private void stock(Tenant t) {
		UUID main = warehouse(t, "MAIN");
		UUID spare = warehouse(t, "SPARE");
		receipt(t, main, t.plywood, "10", "80.00");
		receipt(t, main, t.plywood, "5", "86.00");
		receipt(t, spare, t.plywood, "5", "90.00");
		receipt(t, main, t.glue, "3.5", "12.35");
	}

	/**
	 * Review processes of the tenant, with the engine's clock set (Almaty is UTC+5).
	 */
	private void processes(Tenant t) {
		review(t, "2026-03-10T04:00:00Z", "2026-03-10T05:00:00Z"); // 1 h
		review(t, "2026-03-10T05:00:00Z", "2026-03-10T08:00:00Z"); // 3 h
		review(t, "2026-03-10T06:00:00Z", "2026-03-10T08:30:00Z"); // 2 h 30 min
		// 00:00 → 00:10 on 10 March in Almaty, 9 March in UTC: 10 min
		review(t, "2026-03-09T19:00:00Z", "2026-03-09T19:10:00Z");
		// 23:30 on 10 March → 00:30 on 11 March in Almaty: 1 h, of 11 March
		review(t, "2026-03-10T18:30:00Z", "2026-03-10T19:30:00Z");
		// terminated on 10 March
		ProcessInstance terminated = startReview(t, "2026-03-10T07:00:00Z");
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T09:00:00Z")));
		this.runtime.deleteProcessInstance(terminated.getId(), "no longer needed");
		// still running
		startReview(t, "2026-03-10T07:00:00Z");
		ClockUtil.reset();
	}

	private void review(Tenant t, String start, String end) {
		ProcessInstance instance = startReview(t, start);
		ClockUtil.setCurrentTime(Date.from(Instant.parse(end)));
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
	}

	private ProcessInstance startReview(Tenant t, String start) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(start)));
		return this.runtime.startProcessInstanceByKey("tasklist-smoke", Map.of("workspaceId", t.ws().toString()));
	}

	// helpers

	/** The application's clock at 10:00 in Almaty on {@code date}. */
	private void at(LocalDate date) {
		this.clock.set(date.atTime(LocalTime.of(10, 0)).atZone(ALMATY).toInstant());
	}

	private UUID employee(Tenant t, String name) {
		Api.Response created = this.api.post("/api/organizations/" + t.org.id() + "/employees", t.owner.token(),
				Map.of("name", name, "position", "Sales manager", "email", name.toLowerCase().replace(' ', '.') + "-"
						+ UUID.randomUUID().toString().substring(0, 8) + "@example.kz"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private String deal(Tenant t, String title, Map<String, Object> fields) {
		return this.data.deal(t.owner, t.ws(), t.alpha, title, fields).path("id").asText();
	}

	private void stage(Tenant t, String dealId, String stage, String lostReason) {
		Map<String, Object> body = new HashMap<>(Map.of("stage", stage));
		if (lostReason != null) {
			body.put("lostReason", lostReason);
		}
		Api.Response moved = this.api.post("/api/workspaces/" + t.ws() + "/deals/" + dealId + "/stage", t.owner.token(),
				body);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
	}

	private void probability(Tenant t, String dealId, int probability) {
		Api.Response patched = this.api.patch("/api/workspaces/" + t.ws() + "/deals/" + dealId, t.owner.token(),
				Map.of("probability", probability));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	private void won(Tenant t, String title, String value, LocalDate created, LocalDate won, String expected) {
		at(created);
		Map<String, Object> fields = new HashMap<>();
		fields.put("products", List.of(Map.of("productName", "Goods", "quantity", "1", "unitPrice", value)));
		if (expected != null) {
			fields.put("expectedCloseDate", expected);
		}
		String id = deal(t, title, fields);
		at(won);
		stage(t, id, "WON", null);
	}

	private void lost(Tenant t, String title, String value, LocalDate created, LocalDate lost) {
		at(created);
		String id = deal(t, title, Map.of("value", value));
		at(lost);
		stage(t, id, "LOST", "Too expensive");
	}

	private UUID product(Tenant t, String code, String name, String cost) {
		Api.Response created = this.api.post("/api/workspaces/" + t.ws() + "/products", t.owner.token(),
				Map.of("code", code, "name", name, "unit", "pcs", "price", "500", "cost", cost));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private static Map<String, Object> line(UUID productId, String name, String quantity, String unitPrice) {
		Map<String, Object> line = new HashMap<>(
				Map.of("productName", name, "quantity", quantity, "unitPrice", unitPrice));
		if (productId != null) {
			line.put("productId", productId);
		}
		return line;
	}

	/** An order through the API, invoiced on the clock's day. */
	private InvoiceView invoice(Tenant t, UUID customer, List<Map<String, Object>> lines) {
		Api.Response order = this.api.post("/api/workspaces/" + t.ws() + "/orders", t.owner.token(),
				Map.of("customerId", customer, "lines", lines));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		UUID orderId = UUID.fromString(order.json().path("id").asText());
		return this.invoices.issueInvoice(OrderInvoices.requestFor(this.api, t.owner.token(), t.ws(), orderId,
				LocalDate.ofInstant(this.clock.instant(), ALMATY)));
	}

	private UUID warehouse(Tenant t, String code) {
		Api.Response created = this.api.post("/api/workspaces/" + t.ws() + "/warehouses", t.owner.token(),
				Map.of("code", code, "name", code + " warehouse"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asText());
	}

	private void receipt(Tenant t, UUID warehouse, UUID product, String quantity, String unitCost) {
		Api.Response received = this.api.post("/api/workspaces/" + t.ws() + "/stock/receipts", t.owner.token(),
				Map.of("warehouseId", warehouse, "productId", product, "quantity", quantity, "unitCost", unitCost));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	/** The report as the tenant's owner reads it (200), decimals as written. */
	private Report get(Tenant t, String report) {
		Api.Response response = this.api.get(base(t) + report, t.owner.token());
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		try {
			return new Report(EXACT.readTree(response.text()), response.text());
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A report's JSON, with decimals keeping their scale, and its text. */
	record Report(JsonNode json, String text) {
	}

	private static String base(Tenant t) {
		return "/api/workspaces/" + t.ws() + "/analytics";
	}

	private static JsonNode process(JsonNode report) {
		for (JsonNode process : report.path("processes")) {
			if (process.path("processKey").asText().equals("tasklist-smoke")) {
				return process;
			}
		}
		throw new AssertionError("no tasklist-smoke figures in " + report);
	}

	/** The report with the tenant's own ids replaced by their role. */
	private static String withoutIds(Tenant t, JsonNode report) {
		String text = report.toString();
		for (Map.Entry<String, UUID> id : t.ids().entrySet()) {
			text = text.replace(id.getValue().toString(), id.getKey());
		}
		// warehouse ids are the tenant's own too
		return text.replaceAll("\"warehouseId\":\"[0-9a-f-]{36}\"", "\"warehouseId\":\"w\"");
	}

	private static void assertFigure(JsonNode figure, long count, String value, String weighted) {
		assertThat(figure.path("count").asLong()).as(figure.toString()).isEqualTo(count);
		assertMoney(figure.path("value"), value);
		assertMoney(figure.path("weightedValue"), weighted);
	}

	private static void assertSales(JsonNode row, long invoices, long creditNotes, String net, String vat,
			String gross) {
		assertThat(row.path("invoices").asLong()).as(row.toString()).isEqualTo(invoices);
		assertThat(row.path("creditNotes").asLong()).as(row.toString()).isEqualTo(creditNotes);
		assertMoney(row.path("net"), net);
		assertMoney(row.path("vat"), vat);
		assertMoney(row.path("gross"), gross);
	}

	private static void assertBucket(JsonNode bucket, String amount, long invoices) {
		assertMoney(bucket.path("amount"), amount);
		assertThat(bucket.path("invoices").asLong()).as(bucket.toString()).isEqualTo(invoices);
	}

	private static void assertStock(JsonNode item, String quantity, String unitCost, String value) {
		assertThat(item.path("quantity").decimalValue()).as(item.toString()).isEqualByComparingTo(quantity);
		assertThat(item.path("unitCost").decimalValue()).as(item.toString()).isEqualByComparingTo(unitCost);
		assertMoney(item.path("value"), value);
	}

	/** Exactly this amount, written with 2 decimals. */
	private static void assertMoney(JsonNode node, String expected) {
		assertThat(node.isMissingNode()).as("missing, expected " + expected).isFalse();
		assertThat(node.decimalValue()).as(node.toString()).isEqualByComparingTo(expected);
		String text = node.toString();
		assertThat(text.substring(text.indexOf('.') + 1)).as(text).hasSize(2);
	}

	static final class Tenant {

		final TestData.User owner;

		final TestData.User member;

		final TestData.Org org;

		UUID alpha;

		UUID beta;

		UUID gamma;

		UUID aida;

		UUID bolat;

		UUID plywood;

		UUID glue;

		Tenant(TestData.User owner, TestData.User member, TestData.Org org) {
			this.owner = owner;
			this.member = member;
			this.org = org;
		}

		UUID ws() {
			return this.org.workspaceId();
		}

		Map<String, UUID> ids() {
			Map<String, UUID> ids = new HashMap<>();
			ids.put("alpha", this.alpha);
			ids.put("beta", this.beta);
			ids.put("gamma", this.gamma);
			ids.put("aida", this.aida);
			ids.put("bolat", this.bolat);
			ids.put("plywood", this.plywood);
			ids.put("glue", this.glue);
			return ids;
		}

	}

}
