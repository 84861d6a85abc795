package kz.prometric.erp.shared;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTests {

	private static final SortableFields FIELDS = SortableFields.of("name", "name", "joinedAt", "createdAt");

	@Test
	void translatesPublicPageAndSortToSpringData() {
		Pageable pageable = new PageQuery(3, 10, "joinedAt", Sort.Direction.DESC).toPageable(FIELDS);

		assertThat(pageable.getPageNumber()).isEqualTo(2);
		assertThat(pageable.getPageSize()).isEqualTo(10);
		assertThat(pageable.getSort().getOrderFor("createdAt").getDirection()).isEqualTo(Sort.Direction.DESC);
		assertThat(pageable.getSort().getOrderFor("id")).as("stable tie-break").isNotNull();
	}

	@Test
	void sortsByTheFirstFieldByDefault() {
		Pageable pageable = PageQuery.first(5).toPageable(FIELDS);

		assertThat(pageable.getSort().getOrderFor("name")).isNotNull();
	}

	@Test
	void refusesPageBelowOne() {
		assertThatThrownBy(() -> new PageQuery(0, 10, null, Sort.Direction.ASC)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("page"));
	}

	@Test
	void refusesSizeOutsideOneToHundred() {
		assertThatThrownBy(() -> new PageQuery(1, 0, null, Sort.Direction.ASC)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("size"));
		assertThatThrownBy(() -> new PageQuery(1, 101, null, Sort.Direction.ASC))
			.isInstanceOf(InvalidInputException.class);
		assertThat(new PageQuery(1, 100, null, Sort.Direction.ASC).size()).isEqualTo(100);
	}

	@Test
	void acceptsTheLastPageWhoseOffsetFitsAnIntAndRefusesTheNext() {
		// offset (page - 1) * size: 21474836 * 100 = 2147483600 fits, one page more does
		// not
		assertThat(new PageQuery(21_474_837, 100, null, Sort.Direction.ASC).toPageable(FIELDS).getOffset())
			.isEqualTo(2_147_483_600L);
		assertThatThrownBy(() -> new PageQuery(21_474_838, 100, null, Sort.Direction.ASC)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("page"));
	}

	@Test
	void refusesUnknownSortField() {
		assertThatThrownBy(() -> new PageQuery(1, 10, "createdAt", Sort.Direction.ASC).toPageable(FIELDS))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("sort");
				assertThat(ex.getMessage()).contains("joinedAt");
			});
	}

}
