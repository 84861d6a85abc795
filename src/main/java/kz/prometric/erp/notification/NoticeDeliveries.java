package kz.prometric.erp.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.organization.WorkspaceRole;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a {@link Notice} to its recipients, each as he prefers ({@link Preferences}):
 * an inbox row ({@link Inbox}, which also wakes the streams of every node) and/or an
 * e-mail. Only active members of the notice's workspace receive it. Each recipient is
 * served in a transaction of his own, so a mail server failing on the second recipient
 * does not send the first one's mail again when the event is resubmitted: the inbox row
 * and the {@code ntf_email} record of each recipient commit with his delivery and make
 * the next attempt skip it.
 */
@Component
class NoticeDeliveries {

	private final Inbox inbox;

	private final Preferences preferences;

	private final Mailer mailer;

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final String publicUrl;

	NoticeDeliveries(Inbox inbox, Preferences preferences, Mailer mailer, IdentityManagement identity,
			WorkspaceManagement workspaces, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
			Clock clock, @Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.mailer = mailer;
		this.identity = identity;
		this.workspaces = workspaces;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.publicUrl = publicUrl;
	}

	/**
	 * Delivers the notice to those of {@code recipientIds} who are active members of its
	 * workspace (duplicates and nulls ignored).
	 */
	void deliver(Notice notice, Collection<UUID> recipientIds) {
		Set<UUID> members = this.workspaces.membershipsIn(notice.workspaceId())
			.stream()
			.map(WorkspaceMembership::userId)
			.collect(Collectors.toSet());
		Set<UUID> wanted = new LinkedHashSet<>();
		for (UUID id : recipientIds) {
			if (id != null && members.contains(id)) {
				wanted.add(id);
			}
		}
		if (wanted.isEmpty()) {
			return;
		}
		for (UserAccount user : this.identity.findAllById(wanted)) {
			if ("ACTIVE".equals(user.status())) {
				this.ownTransaction.executeWithoutResult(status -> deliverTo(user, notice));
			}
		}
	}

	/** The managers of the workspace (its owners, admins and managers). */
	Set<UUID> managersOf(UUID workspaceId) {
		return this.workspaces.membershipsIn(workspaceId)
			.stream()
			.filter(m -> m.role().includes(WorkspaceRole.MANAGER))
			.map(WorkspaceMembership::userId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private void deliverTo(UserAccount user, Notice notice) {
		NotificationChannel channel = this.preferences.channel(user.id(), notice.kind());
		if (channel.inApp()) {
			this.inbox.insert(user.id(), notice, this.clock.instant());
		}
		if (channel.email() && firstMail(user.id(), notice.sourceKey())) {
			// a failure rolls the record back with this recipient's delivery: the
			// resubmitted event sends it then
			this.mailer.send(user.email(), emailSubject(notice), emailText(user, notice));
		}
	}

	private boolean firstMail(UUID recipientId, String sourceKey) {
		return this.jdbc.update("""
				insert into ntf_email (recipient_id, source_key, sent_at) values (:recipient, :source, :now)
				on conflict (recipient_id, source_key) do nothing""", Map.of("recipient", recipientId, "source",
				sourceKey, "now", Timestamp.from(this.clock.instant()))) == 1;
	}

	private static String emailSubject(Notice notice) {
		return (notice.emailSubject() != null) ? notice.emailSubject() : notice.title();
	}

	private String emailText(UserAccount user, Notice notice) {
		if (notice.emailText() != null) {
			return notice.emailText();
		}
		return """
				Hello %s,

				%s
				%s
				%s
				You receive this because of your notification settings in Prometric ERP \
				(%s/api/notifications/preferences).
				""".formatted(user.firstName(), notice.title(),
				notice.body().isBlank() ? "" : "\n" + notice.body() + "\n",
				(notice.link() != null) ? this.publicUrl + notice.link() + "\n" : "", this.publicUrl);
	}

}
