package kz.prometric.erp.workflow;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.shared.Problems;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses deployments through the webapps' engine API ({@code /camunda/api/engine}, e.g.
 * an upload from Cockpit). Deployments go through {@code /engine-rest/deployment/create}
 * (Camunda Modeler), {@code POST /api/workspaces/{ws}/process-deployments} or, for the
 * shared defaults, {@code POST /api/admin/processes/redeploy}; who may deploy into which
 * workspace is checked inside the engine by {@link DeploymentGuard}. Answers 403
 * problem+json before anything reads the (multipart) body.
 */
class EngineDeploymentGuard extends OncePerRequestFilter {

	private static final Pattern DEPLOYING = Pattern
		.compile("^/camunda/api/engine(/engine/[^/]+)?/deployment/(create|[^/]+/redeploy)/?$");

	private final ObjectMapper mapper;

	EngineDeploymentGuard(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		int parameters = path.indexOf(';');
		path = ((parameters >= 0) ? path.substring(0, parameters) : path).replaceAll("/+", "/");
		return !"POST".equalsIgnoreCase(request.getMethod())
				|| !DEPLOYING.matcher(path.toLowerCase(Locale.ROOT)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Problems.write(response, this.mapper,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden",
						"Deployments through the webapps are not allowed; deploy from Camunda Modeler to /engine-rest "
								+ "or with POST /api/workspaces/{ws}/process-deployments"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<EngineDeploymentGuard> engineDeploymentGuard(ObjectMapper mapper) {
			var registration = new FilterRegistrationBean<>(new EngineDeploymentGuard(mapper));
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
			registration.setOrder(-10);
			return registration;
		}

	}

}
