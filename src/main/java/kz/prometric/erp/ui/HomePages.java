package kz.prometric.erp.ui;

import java.util.List;
import java.util.UUID;

import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceType;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.workflow.TaskManagement;
import kz.prometric.erp.workflow.TaskManagement.Scope;
import kz.prometric.erp.workflow.TaskManagement.TaskFilter;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /app} (to the user's first workspace) and a workspace's home page. */
@ErpPages
class HomePages {

	private final TaskManagement tasks;

	HomePages(TaskManagement tasks) {
		this.tasks = tasks;
	}

	/**
	 * The user's first company workspace (where the business is), else his personal one.
	 */
	@GetMapping("/app")
	String start(@ModelAttribute("myWorkspaces") List<WorkspaceView> workspaces) {
		if (workspaces.isEmpty()) {
			return "ui/no-workspace";
		}
		WorkspaceView start = workspaces.stream()
			.filter(w -> w.type() == WorkspaceType.COMPANY)
			.findFirst()
			.orElse(workspaces.get(0));
		return "redirect:/app/" + start.id();
	}

	@GetMapping("/app/{workspaceId}")
	String home(@PathVariable UUID workspaceId, Model model) {
		model.addAttribute("myTasks",
				this.tasks
					.tasks(workspaceId, CurrentUser.id(), new TaskFilter(Scope.MINE, null, null, null, null),
							PageQuery.first(10))
					.items());
		return "ui/home";
	}

}
