package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.BusinessRuleViolation;

/**
 * A team of a company workspace. Its code never changes: it is part of the engine group
 * id that process tasks name ({@code <workspaceId>:team:<code>}); the name may.
 */
@Entity
@Table(name = "org_team")
class Team {

	/** Lowercase letters, digits and dashes, starting with a letter, 2–30 characters. */
	static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,29}");

	static final int NAME_MAX = 100;

	@Id
	private UUID id;

	private UUID workspaceId;

	private String code;

	private String name;

	private Instant createdAt;

	@Version
	private long version;

	protected Team() {
	}

	Team(UUID workspaceId, String code, String name, Instant now) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new BusinessRuleViolation("code",
					"must be 2-30 lowercase letters, digits or dashes, starting with a letter");
		}
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.code = code;
		this.name = checkedName(name);
		this.createdAt = now;
	}

	void rename(String name) {
		this.name = checkedName(name);
	}

	private static String checkedName(String name) {
		String stripped = (name != null) ? name.strip() : "";
		if (stripped.isEmpty() || stripped.length() > NAME_MAX) {
			throw new BusinessRuleViolation("name", "must be 1-" + NAME_MAX + " characters");
		}
		return stripped;
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	String code() {
		return this.code;
	}

	String name() {
		return this.name;
	}

	String engineGroup() {
		return TeamManagement.engineGroupId(this.workspaceId, this.code);
	}

	TeamView view(long memberCount) {
		return new TeamView(this.id, this.workspaceId, this.code, this.name, (int) memberCount, engineGroup(),
				this.createdAt);
	}

}
