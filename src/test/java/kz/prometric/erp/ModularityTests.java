package kz.prometric.erp;

import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the modules honest: no cycles, no reaching into another module's internals, only
 * declared dependencies; writes the module documentation to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final Set<String> WHO_COMPLETES = Set.of("org.camunda.bpm.engine.ProcessEngineServices",
			"org.camunda.bpm.engine.IdentityService", "org.camunda.bpm.engine.impl.identity.Authentication");

	static final ApplicationModules modules = ApplicationModules.of(ErpApplication.class);

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("kz.prometric.erp");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Delegates and listeners in a module's {@code process} package call that module's
	 * façade only (style rule 7): its root package, {@code shared}, the engine's delegate
	 * API, the JDK, SLF4J and Spring stereotypes.
	 */
	@Test
	void processClassesDependOnlyOnTheirOwnModuleAndTheEngine() {
		ArchRule rule = classes().that()
			.resideInAPackage("kz.prometric.erp.*.process..")
			.should(new ArchCondition<JavaClass>("depend only on their own module's API and the engine delegate API") {
				@Override
				public void check(JavaClass item, ConditionEvents events) {
					String module = item.getPackageName().split("\\.")[3];
					String own = "kz.prometric.erp." + module;
					for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
						String target = dependency.getTargetClass().getPackageName();
						boolean allowed = target.equals(own) || target.startsWith(own + ".process")
								|| target.startsWith("kz.prometric.erp.shared") || target.startsWith("java.")
								|| target.startsWith("org.camunda.bpm.engine.delegate")
								|| target.startsWith("org.camunda.bpm.engine.variable")
						// who completes a task, as a task listener learns it
								|| WHO_COMPLETES.contains(dependency.getTargetClass().getName())
								|| target.startsWith("org.springframework.stereotype") || target.startsWith("org.slf4j")
								|| target.isEmpty();
						if (!allowed) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					}
				}
			})
			.allowEmptyShould(true);
		rule.check(classes);
	}

	@Test
	void entitiesAndRepositoriesStayInsideTheirModule() {
		ArchRule rule = noClasses().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().bePublic();
		rule.check(classes);
	}

	/**
	 * Analytics composes the figures the owning modules compute: it reads no table of
	 * another module (no JDBC, JPA or engine query) — only {@code ExportJobs} reads its
	 * own job table, {@code analytics_report_export} — and no module depends on it.
	 */
	@Test
	void analyticsReadsNoTableAndNothingDependsOnIt() {
		noClasses().that()
			.resideInAPackage("kz.prometric.erp.analytics..")
			.and()
			.doNotHaveFullyQualifiedName("kz.prometric.erp.analytics.ExportJobs")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..", "javax.sql..", "java.sql..",
					"org.springframework.data..", "org.camunda.bpm.engine..", "org.hibernate..")
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackage("kz.prometric.erp.analytics..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("kz.prometric.erp.analytics..")
			.check(classes);
	}

	/**
	 * The one analytics class allowed JDBC touches only analytics' own table: every table
	 * its SQL names (after from, into, update or join) is
	 * {@code analytics_report_export}.
	 */
	@Test
	void analyticsExportJobsTouchOnlyTheirOwnTable() throws java.io.IOException {
		String source = java.nio.file.Files
			.readString(java.nio.file.Path.of("src/main/java/kz/prometric/erp/analytics/ExportJobs.java"));
		java.util.regex.Matcher tables = java.util.regex.Pattern
			.compile("(?i)\\b(?:from|into|update|join)\\s+([a-z]+_[a-z_]+)")
			.matcher(source);
		java.util.Set<String> named = new java.util.TreeSet<>();
		while (tables.find()) {
			named.add(tables.group(1));
		}
		org.assertj.core.api.Assertions.assertThat(named).containsExactly("analytics_report_export");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
