package kz.prometric.erp.shared.web;

import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.PageQuery;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code page}, {@code size} and {@code sort=field[,asc|desc]} into a
 * {@link PageQuery}.
 */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return PageQuery.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		int page = integer(request, "page", 1);
		int size = integer(request, "size", PageQuery.DEFAULT_SIZE);
		String sort = request.getParameter("sort");
		String property = null;
		Sort.Direction direction = Sort.Direction.ASC;
		if (sort != null && !sort.isBlank()) {
			String[] parts = sort.split(",", -1);
			property = parts[0].trim();
			if (parts.length > 2 || property.isEmpty()) {
				throw new InvalidInputException("sort", "expected sort=field or sort=field,asc|desc");
			}
			if (parts.length == 2) {
				direction = Sort.Direction.fromOptionalString(parts[1].trim())
					.orElseThrow(() -> new InvalidInputException("sort", "direction must be asc or desc"));
			}
		}
		return new PageQuery(page, size, property, direction);
	}

	private static int integer(NativeWebRequest request, String name, int defaultValue) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, "must be an integer");
		}
	}

}
