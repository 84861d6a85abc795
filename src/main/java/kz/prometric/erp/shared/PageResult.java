package kz.prometric.erp.shared;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list as every list endpoint answers it: {@code {items, page, size,
 * total}}.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public static <E, T> PageResult<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResult<>(page.getContent().stream().map(mapper).toList(), page.getNumber() + 1, page.getSize(),
				page.getTotalElements());
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

}
