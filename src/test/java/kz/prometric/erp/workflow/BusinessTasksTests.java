package kz.prometric.erp.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The priority rule of business tasks and their due time. */
class BusinessTasksTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void anOverdueTaskComesBeforeOneDueSoonWhichComesBeforeALaterOne() {
		assertThat(BusinessTasks.priority(TODAY.minusDays(1), TODAY, false)).isEqualTo(80);
		assertThat(BusinessTasks.priority(TODAY, TODAY, false)).isEqualTo(65);
		assertThat(BusinessTasks.priority(TODAY.plusDays(3), TODAY, false)).isEqualTo(65);
		assertThat(BusinessTasks.priority(TODAY.plusDays(4), TODAY, false)).isEqualTo(50);
		assertThat(BusinessTasks.priority(null, TODAY, false)).isEqualTo(50);
	}

	@Test
	void aHighValueObjectRaisesThePriorityUpTo100() {
		assertThat(BusinessTasks.priority(null, TODAY, true)).isEqualTo(70);
		assertThat(BusinessTasks.priority(TODAY.plusDays(1), TODAY, true)).isEqualTo(85);
		assertThat(BusinessTasks.priority(TODAY.minusDays(10), TODAY, true)).isEqualTo(100);
	}

	@Test
	void highValueIsTenMillionTengeOrMore() {
		assertThat(TaskSetting.highValue(new BigDecimal("10000000.00"), "KZT")).isTrue();
		assertThat(TaskSetting.highValue(new BigDecimal("9999999.99"), "KZT")).isFalse();
		assertThat(TaskSetting.highValue(new BigDecimal("20000000"), "USD")).isFalse();
		assertThat(TaskSetting.highValue(null, "KZT")).isFalse();
	}

	@Test
	void aTaskIsDueAtTheEndOfTheWorkingDayInAlmaty() {
		assertThat(BusinessTasks.dueAt(TODAY).toInstant())
			.isEqualTo(TODAY.atTime(18, 0).atZone(ZoneId.of("Asia/Almaty")).toInstant());
	}

}
