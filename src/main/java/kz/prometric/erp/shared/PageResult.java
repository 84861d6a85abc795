package kz.prometric.erp.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Slice;

/**
 * One page of a list as every list endpoint answers it: {@code {items, page, size, total,
 * totalExact}}. {@code total} is the exact number of matching rows when
 * {@code totalExact} is true; the large lists (deals, customers, orders, invoices) count
 * at most {@link #TOTAL_CAP} rows, and when more match they answer
 * {@code total = TOTAL_CAP} with {@code totalExact = false} ("10,000 or more"), so no
 * page counts a million rows. See docs/api.md, "Lists".
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

	/**
	 * How many rows a large list counts at most; also how deep its pages go
	 * ({@link PageQuery#requireWithin}).
	 */
	public static final int TOTAL_CAP = 10_000;

	/** A page whose total is exact. */
	public PageResult(List<T> items, int page, int size, long total) {
		this(items, page, size, total, true);
	}

	public static <E, T> PageResult<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResult<>(page.getContent().stream().map(mapper).toList(), page.getNumber() + 1, page.getSize(),
				page.getTotalElements());
	}

	/**
	 * A page of a large list: {@code slice} is the page's rows, {@code countUpTo} counts
	 * the matching rows but stops at the given limit. The count is skipped when the page
	 * itself tells the total (a last page that is not full); otherwise it runs with the
	 * limit {@code TOTAL_CAP + 1}, and more than {@code TOTAL_CAP} rows answer
	 * {@code TOTAL_CAP} with {@code totalExact = false}.
	 */
	public static <E, T> PageResult<T> capped(Slice<E> slice, IntFunction<Long> countUpTo, Function<E, T> mapper) {
		List<T> items = slice.getContent().stream().map(mapper).toList();
		long offset = (long) slice.getNumber() * slice.getSize();
		long total;
		boolean exact = true;
		if (!slice.hasNext() && (!items.isEmpty() || offset == 0)) {
			total = offset + items.size();
		}
		else {
			total = countUpTo.apply(TOTAL_CAP + 1);
			if (total > TOTAL_CAP) {
				total = TOTAL_CAP;
				exact = false;
			}
		}
		return new PageResult<>(items, slice.getNumber() + 1, slice.getSize(), total, exact);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total,
				this.totalExact);
	}

}
