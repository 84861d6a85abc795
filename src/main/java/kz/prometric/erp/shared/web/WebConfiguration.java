package kz.prometric.erp.shared.web;

import java.util.List;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.prometric.erp.shared.RequestBodyLimit;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageQueryArgumentResolver());
	}

	/**
	 * Bounds on decimals, dates and text read from request bodies, and the rendering of
	 * money and quantities in every answer (see {@link JsonInputOutput}).
	 */
	@Bean
	Module prometricApiValues() {
		return JsonInputOutput.module();
	}

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<TraceRefusalFilter> traceRefusalFilter(ObjectMapper mapper) {
		var registration = new FilterRegistrationBean<>(new TraceRefusalFilter(mapper));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
			@Value("${prometric.http.max-body-size:1MB}") DataSize limit, ObjectProvider<RequestBodyLimit> routes,
			ObjectMapper mapper) {
		var registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(limit.toBytes(), routes.orderedStream().toList(), mapper));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Errors Tomcat answers itself are problem+json too
	 * ({@link ProblemErrorReportValve}). Runs after Boot's own customizer, whose HTML
	 * error report valve it replaces.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return new ProblemErrorReports();
	}

	static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			// TRACE reaches TraceRefusalFilter, which refuses it with a problem (Tomcat's
			// own refusal is an empty 400/405 that no valve sees)
			factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemErrorReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
