package kz.prometric.erp.organization;

import java.util.UUID;

/**
 * What the process engine knows of a team's work, asked before a team is deleted; the
 * workflow module implements it (organization knows nothing of the engine).
 */
public interface TeamWork {

	/**
	 * Open tasks of the workspace with the team's engine group among their candidate
	 * groups (claimed or not).
	 */
	long openTasks(UUID workspaceId, String engineGroupId);

}
