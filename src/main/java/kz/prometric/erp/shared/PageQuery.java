package kz.prometric.erp.shared;

import java.util.Objects;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A validated page request: {@code page} from 1, {@code size} 1–100 (default 20), and a
 * sort on a whitelisted property. Controllers receive it as a method argument;
 * {@code ?page=0}, {@code ?size=500} or an unknown sort field answer 400 naming the
 * parameter.
 */
public record PageQuery(int page, int size, String sortProperty, Sort.Direction direction) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public PageQuery {
		if (page < 1) {
			throw new InvalidInputException("page", "must be 1 or greater");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
		if ((long) (page - 1) * size > Integer.MAX_VALUE) {
			// JPA offsets are ints: a larger offset fails in the repository with a 500
			throw new InvalidInputException("page", "is too large for page size " + size);
		}
		Objects.requireNonNull(direction, "direction");
	}

	public static PageQuery first(int size) {
		return new PageQuery(1, size, null, Sort.Direction.ASC);
	}

	/**
	 * A Spring Data page request, mapping the public sort property through
	 * {@code columns} (public name → entity property; the first entry is the default
	 * sort).
	 */
	public Pageable toPageable(SortableFields columns) {
		String property = (this.sortProperty == null) ? columns.defaultField() : this.sortProperty;
		String column = columns.propertyFor(property);
		if (column == null) {
			throw new InvalidInputException("sort", "cannot sort by '" + property + "'; allowed: " + columns.names());
		}
		// ties in the direction of the sort, so that one index (workspace, key, id) read
		// forwards or backwards serves both directions
		return PageRequest.of(this.page - 1, this.size,
				Sort.by(this.direction, column).and(Sort.by(this.direction, "id")));
	}

	/**
	 * Refuses (400 naming {@code page}) a page that starts beyond the first {@code rows}
	 * rows: the large lists count and page only that far (see
	 * {@link PageResult#TOTAL_CAP}); a filter, a search or the opposite sort reaches the
	 * rest.
	 */
	public PageQuery requireWithin(int rows) {
		if ((long) (this.page - 1) * this.size >= rows) {
			throw new InvalidInputException("page", "pages reach the first " + rows
					+ " rows only; narrow the list with a filter or a search, or sort it the other way");
		}
		return this;
	}

}
