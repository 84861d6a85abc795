package kz.prometric.erp.shared;

import java.util.UUID;

/** A row that belongs to one workspace (a tenant). */
public interface WorkspaceOwned {

	UUID workspaceId();

}
