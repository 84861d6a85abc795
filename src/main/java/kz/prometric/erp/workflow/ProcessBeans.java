package kz.prometric.erp.workflow;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The Spring beans a process may call in an expression: the delegates and listeners the
 * application registers for that purpose (beans that are a {@link JavaDelegate},
 * {@link ExecutionListener} or {@link TaskListener}) and {@value #LOOKUP}, the definition
 * lookup call activities and business-rule tasks use. The engine's expression manager
 * sees only these ({@link #expressionBeans()}, set by {@link ErpEnginePlugin}); without
 * the list it would expose every bean of the application (data sources, services, the
 * engine itself) to any deployed BPMN. The deployment guard refuses a file naming another
 * bean ({@link DeploymentChecks}), so that a process owner hears it when deploying, not
 * when the step runs.
 */
@Component
class ProcessBeans {

	static final String LOOKUP = "workspaceDefinitions";

	private static final Class<?>[] CALLABLE = { JavaDelegate.class, ExecutionListener.class, TaskListener.class };

	private final ApplicationContext context;

	private volatile Set<String> allowed;

	ProcessBeans(ApplicationContext context) {
		this.context = context;
	}

	/** The names of the beans expressions may call, sorted. */
	Set<String> allowed() {
		Set<String> names = this.allowed;
		if (names == null) {
			Set<String> found = new TreeSet<>();
			found.add(LOOKUP);
			for (Class<?> type : CALLABLE) {
				// no eager initialisation: the engine asks while the context is still
				// being built
				found.addAll(Arrays.asList(this.context.getBeanNamesForType(type, true, false)));
			}
			names = Set.copyOf(found);
			this.allowed = names;
		}
		return names;
	}

	/** Whether {@code name} is a bean of the application at all (allowed or not). */
	boolean isBean(String name) {
		return this.context.containsBean(name);
	}

	/**
	 * The allowed beans as the read-only map the engine's expression manager resolves
	 * names against: looked up when an expression asks (beans are created after the
	 * engine), nothing else visible.
	 */
	Map<Object, Object> expressionBeans() {
		return new AbstractMap<>() {
			@Override
			public boolean containsKey(Object key) {
				return key instanceof String name && allowed().contains(name);
			}

			@Override
			public Object get(Object key) {
				return containsKey(key) ? ProcessBeans.this.context.getBean((String) key) : null;
			}

			@Override
			public Set<Entry<Object, Object>> entrySet() {
				Map<Object, Object> all = new LinkedHashMap<>();
				Stream.of(allowed().toArray(String[]::new)).forEach(name -> all.put(name, get(name)));
				return all.entrySet();
			}
		};
	}

}
