package kz.prometric.erp.hr;

import java.util.List;

/**
 * The work of an offboarding besides the end of access, each a Tasklist task of
 * {@code employee-offboarding}: the teams it goes to, in order of preference (the first
 * that exists in the workspace and has members; otherwise the workspace's admins).
 */
public enum OffboardingStep {

	/** The IT team takes back the laptop, phone, badge and keys. */
	RETURN_EQUIPMENT("Return equipment", List.of("it")),

	/** Accounting (or HR) pays what is owed on leaving and records the amount. */
	FINAL_SETTLEMENT("Final settlement", List.of("accounting", "hr")),

	/** HR has the leaving documents signed (order of dismissal, work record). */
	SIGN_LEAVING_DOCUMENTS("Sign leaving documents", List.of("hr"));

	private final String title;

	private final List<String> teams;

	OffboardingStep(String title, List<String> teams) {
		this.title = title;
		this.teams = teams;
	}

	public String title() {
		return this.title;
	}

	/** Team codes, most preferred first. */
	public List<String> teams() {
		return this.teams;
	}

}
