package kz.prometric.erp.shared.web;

import java.util.Arrays;
import java.util.List;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import kz.prometric.erp.shared.PageQuery;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document behind Swagger UI: a real title and description, the bearer token
 * scheme (so Swagger UI's <em>Authorize</em> works), and the paging parameters as the API
 * takes them ({@code page}, {@code size}, {@code sort}) instead of the fields of
 * {@link PageQuery}, which the API would refuse.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static {
		// resolved from the query string by PageQueryArgumentResolver, not bound as an
		// object
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageQuery.class);
	}

	@Bean
	OpenAPI prometricOpenApi(@Value("${prometric.api.version:0.1.0}") String version) {
		return new OpenAPI().info(new Info().title("Prometric ERP API").version(version).description("""
				The REST API of Prometric ERP: organizations, workspaces (tenants), CRM, catalog, \
				inventory, sales, finance, production, HR and the tasks of every process. \
				Log in with POST /api/auth/login, then press Authorize and paste the accessToken. \
				Business resources live under /api/workspaces/{workspaceId}: a caller outside the \
				workspace gets 404. Lists take page (from 1), size (1-100, default 20) and \
				sort=field or sort=field,desc and answer {items, page, size, total}. Errors are \
				application/problem+json naming the field. Writes that create things accept an \
				Idempotency-Key header. See docs/api.md for every rule."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("The accessToken from POST /api/auth/login (valid 24 h)")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Examples for the main calls (register, log in, a company, a product, a customer, a
	 * deal, its stage, a task, a payment) from {@code openapi/examples.json}, keyed by
	 * method and path; the same bodies as the README's walk-through, checked by a test.
	 */
	@Bean
	OpenApiCustomizer requestExamples(ObjectMapper mapper) throws IOException {
		Map<String, Map<String, Object>> examples;
		try (InputStream in = new ClassPathResource("openapi/examples.json").getInputStream()) {
			examples = mapper.readValue(in, new TypeReference<>() {
			});
		}
		return api -> examples.forEach((key, example) -> {
			String[] methodAndPath = key.split(" ", 2);
			PathItem path = api.getPaths().get(methodAndPath[1]);
			Operation operation = (path != null)
					? path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0])) : null;
			if (operation == null || operation.getRequestBody() == null
					|| operation.getRequestBody().getContent() == null) {
				return;
			}
			operation.getRequestBody()
				.getContent()
				.values()
				.forEach(media -> media.addExamples("example",
						new Example().summary(String.valueOf(example.get("summary"))).value(example.get("value"))));
		});
	}

	/**
	 * Lists: the three paging parameters wherever a handler takes a {@link PageQuery}.
	 */
	@Bean
	OperationCustomizer pagingParameters() {
		return (operation, handler) -> {
			boolean paged = Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> PageQuery.class.equals(p.getParameterType()));
			if (paged) {
				if (operation.getParameters() != null) {
					// whatever springdoc made of the PageQuery argument itself
					operation.getParameters()
						.removeIf(p -> List.of("page", "size", "sort", "sortProperty", "direction")
							.contains(p.getName()));
				}
				operation.addParametersItem(new Parameter().in("query")
					.name("page")
					.description("Page number, from 1")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)._default(1)));
				operation.addParametersItem(new Parameter().in("query")
					.name("size")
					.description("Items per page, 1-" + PageQuery.MAX_SIZE)
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))
						._default(PageQuery.DEFAULT_SIZE)));
				operation.addParametersItem(new Parameter().in("query")
					.name("sort")
					.description("A sortable field, optionally with a direction: name or name,desc "
							+ "(the operation's description names its fields)")
					.schema(new StringSchema().pattern("^[A-Za-z]+(,(asc|desc))?$")));
			}
			return operation;
		};
	}

}
