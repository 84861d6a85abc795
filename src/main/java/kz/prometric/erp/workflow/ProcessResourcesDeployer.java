package kz.prometric.erp.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
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

	/** Deploys what changed at the configured locations. */
	DeploymentWithDefinitions deploy() {
		return deploy(this.locations);
	}

	/**
	 * Deploys what changed in the {@code processes/}, {@code dmn/} and {@code forms/}
	 * folders under {@code directory} on disk: what an administrator's redeploy does
	 * after a process owner saved a file.
	 */
	DeploymentWithDefinitions deployFrom(Path directory) {
		String root = directory.toAbsolutePath().normalize().toUri().toString();
		return deploy(List.of(root + "processes/**/*.bpmn", root + "dmn/**/*.dmn", root + "forms/**/*.form"));
	}

	private DeploymentWithDefinitions deploy(List<String> locations) {
		Map<String, Resource> resources = resources(locations);
		if (resources.isEmpty()) {
			log.info("No BPMN, DMN or form files found at {}", locations);
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
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		List<String> changed = new ArrayList<>();
		Optional.ofNullable(deployment.getDeployedProcessDefinitions())
			.ifPresent(list -> list.forEach(d -> changed.add(d.getKey() + " v" + d.getVersion())));
		Optional.ofNullable(deployment.getDeployedDecisionDefinitions())
			.ifPresent(list -> list.forEach(d -> changed.add(d.getKey() + " v" + d.getVersion())));
		log.info("Deployed {} process resources; new versions: {}", resources.size(),
				changed.isEmpty() ? "none (nothing changed)" : changed);
		return deployment;
	}

	private Map<String, Resource> resources(List<String> locations) {
		Map<String, Resource> found = new TreeMap<>();
		for (String location : locations) {
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

	/**
	 * The resource's name in the deployment: its folder ({@code processes/}, ...) and the
	 * path below it.
	 */
	private static String nameOf(Resource resource, String root) throws IOException {
		String trimmed = root.substring(0, root.length() - 1);
		String folder = trimmed.substring(trimmed.lastIndexOf('/') + 1) + "/";
		String url = resource.getURL().toString();
		int at = url.lastIndexOf("/" + folder);
		return (at >= 0) ? url.substring(at + 1) : folder + resource.getFilename();
	}

}
