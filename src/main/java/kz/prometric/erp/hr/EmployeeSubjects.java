package kz.prometric.erp.hr;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.hr.process.EmployeeOffboarding;
import kz.prometric.erp.hr.process.EmployeeOnboarding;
import kz.prometric.erp.workflow.ProcessSubject;
import kz.prometric.erp.workflow.ProcessSubjects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee behind an onboarding or offboarding instance (business key = the
 * employee's id), for the task API: kind EMPLOYEE, number = his e-mail, title = his name
 * and position.
 */
@Component
class EmployeeSubjects implements ProcessSubjects {

	static final String KIND = "EMPLOYEE";

	private final Employees employees;

	EmployeeSubjects(Employees employees) {
		this.employees = employees;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Set<String> processKeys() {
		return Set.of(EmployeeOnboarding.PROCESS_KEY, EmployeeOffboarding.PROCESS_KEY);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ProcessSubject> describe(UUID workspaceId, Collection<String> businessKeys) {
		List<UUID> ids = businessKeys.stream().map(EmployeeSubjects::uuid).flatMap(Optional::stream).toList();
		Map<String, ProcessSubject> described = new HashMap<>();
		for (Employee employee : this.employees.findAllById(ids)) {
			if (employee.workspaceId().equals(workspaceId)) {
				EmployeeView view = employee.view();
				String title = (view.position() == null || view.position().isBlank()) ? view.name()
						: view.name() + " · " + view.position();
				described.put(view.id().toString(), new ProcessSubject(KIND, view.id(), view.email(), title));
			}
		}
		return described;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> businessKeyOf(UUID workspaceId, UUID objectId) {
		return this.employees.findById(objectId)
			.filter(employee -> employee.workspaceId().equals(workspaceId))
			.map(employee -> employee.id().toString());
	}

	private static Optional<UUID> uuid(String key) {
		try {
			return Optional.of(UUID.fromString(key));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
