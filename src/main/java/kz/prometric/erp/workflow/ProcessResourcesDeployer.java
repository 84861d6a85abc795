package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form found at
 * {@code prometric.deployment.locations} (by default the {@code processes/}, {@code dmn/}
 * and {@code forms/} folders, which the build copies onto the classpath) as one
 * deployment without a tenant. Duplicate filtering keeps unchanged files at their
 * version: a restart creates new versions only of files that changed. Forms are deployed
 * too, which the Camunda starter does not do by default.
 */
@Component
class ProcessResourcesDeployer implements SmartInitializingSingleton {

	static final String DEPLOYMENT_NAME = "prometric-erp";

	private static final Logger log = LoggerFactory.getLogger(ProcessResourcesDeployer.class);

	private final RepositoryService repository;

	private final List<String> locations;

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	ProcessResourcesDeployer(RepositoryService repository,
			@Value("${prometric.deployment.locations}") List<String> locations) {
		this.repository = repository;
		this.locations = locations;
	}

	@Override
	public void afterSingletonsInstantiated() {
		deploy();
	}

	/** Deploys what changed; returns the new deployment, or null when nothing changed. */
	Deployment deploy() {
		Map<String, Resource> resources = resources();
		if (resources.isEmpty()) {
			log.info("No BPMN, DMN or form files found at {}", this.locations);
			return null;
		}
		DeploymentBuilder builder = this.repository.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source("prometric-erp")
			.enableDuplicateFiltering(true);
		resources.forEach((name, resource) -> {
			try (InputStream in = resource.getInputStream()) {
				builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + resource, ex);
			}
		});
		Deployment deployment = builder.deployWithResult();
		List<String> deployed = new ArrayList<>(
				this.repository.getDeploymentResourceNames(deployment.getId()).stream().sorted().toList());
		log.info("Deployed {} of {} process resources (unchanged ones keep their version): {}", deployed.size(),
				resources.size(), deployed);
		return deployment;
	}

	Map<String, Resource> resources() {
		Map<String, Resource> found = new TreeMap<>();
		for (String location : this.locations) {
			String pattern = location.strip();
			String root = rootOf(pattern);
			try {
				for (Resource resource : this.resolver.getResources(pattern)) {
					if (resource.isReadable()) {
						found.put(nameOf(resource, root), resource);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list " + pattern, ex);
			}
		}
		return found;
	}

	/** {@code classpath*:processes/**}{@code /*.bpmn} → {@code processes/}. */
	private static String rootOf(String pattern) {
		String path = pattern.substring(pattern.indexOf(':') + 1);
		int wildcard = path.indexOf('*');
		String fixed = (wildcard < 0) ? path : path.substring(0, wildcard);
		return fixed.substring(0, fixed.lastIndexOf('/') + 1);
	}

	private static String nameOf(Resource resource, String root) throws IOException {
		String url = resource.getURL().toString();
		int at = url.lastIndexOf("/" + root);
		return (at >= 0) ? url.substring(at + 1) : root + resource.getFilename();
	}

}
