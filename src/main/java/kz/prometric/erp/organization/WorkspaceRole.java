package kz.prometric.erp.organization;

/**
 * A member's role in one workspace, from most to least powerful. A role includes the
 * rights of every role below it.
 */
public enum WorkspaceRole {

	OWNER, ADMIN, MANAGER, MEMBER;

	/** Whether this role has at least the rights of {@code other}. */
	public boolean includes(WorkspaceRole other) {
		return this.ordinal() <= other.ordinal();
	}

}
