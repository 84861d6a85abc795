package kz.prometric.erp.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.crm.DealEvents.DealCloseDateReached;
import kz.prometric.erp.crm.DealEvents.DealLost;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.DealTaskView;
import kz.prometric.erp.finance.InvoiceEvents.PaymentReminderDue;
import kz.prometric.erp.hr.HrManagement;
import kz.prometric.erp.hr.OnboardingItemOverdue;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.MemberLeft;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.workflow.TaskCandidates;
import kz.prometric.erp.workflow.TaskEvents.TaskAssigned;
import kz.prometric.erp.workflow.TaskEvents.TaskOffered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into notifications, once the transaction that raised them has
 * committed (each listener is retried from the event publication log until it succeeds;
 * the source keys make a retry deliver nothing twice). Who receives what:
 * <ul>
 * <li>{@code task.assigned}: the assignee; {@code task.offered}: the members of the
 * task's candidate groups and teams; {@code discount.approval-requested}: the same for a
 * deal's discount approval (the managers);</li>
 * <li>{@code deal.won}, {@code deal.lost}: the deal's owner (the assigned employee's
 * user, else its creator) and the workspace's managers; {@code deal.close-date-reached}:
 * the owner;</li>
 * <li>{@code invoice.overdue}, {@code production.finished}: the workspace's
 * managers;</li>
 * <li>{@code onboarding.item-late}: whoever may do the item, and the employee's
 * manager.</li>
 * </ul>
 * Addresses with no ERP account in the workspace (an employee without a login) still get
 * the e-mails they got before the inbox existed.
 */
@Component
class DomainNotifications {

	private static final Logger log = LoggerFactory.getLogger(DomainNotifications.class);

	static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

	/**
	 * deal-lifecycle's manager task that approves a discount (crm's process contract).
	 */
	static final String DEAL_PROCESS = "deal-lifecycle";

	static final String APPROVE_DISCOUNT_TASK = "Task_ApproveDiscount";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final NoticeDeliveries deliveries;

	private final Mailer mailer;

	private final DealManagement deals;

	private final HrManagement hr;

	private final IdentityManagement identity;

	private final DatabaseNotifications database;

	private final TaskCandidates candidates;

	private final String publicUrl;

	DomainNotifications(NoticeDeliveries deliveries, Mailer mailer, DealManagement deals, HrManagement hr,
			IdentityManagement identity, DatabaseNotifications database, TaskCandidates candidates,
			@Value("${prometric.public-url:http://localhost:8080}") String publicUrl) {
		this.deliveries = deliveries;
		this.database = database;
		this.candidates = candidates;
		this.mailer = mailer;
		this.deals = deals;
		this.hr = hr;
		this.identity = identity;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(TaskAssigned assigned) {
		UUID assigneeId = this.identity.findByEmail(assigned.assignee()).map(UserAccount::id).orElse(null);
		if (assigneeId == null) {
			return;
		}
		this.deliveries.deliver(new Notice(NotificationKind.TASK_ASSIGNED, assigned.workspaceId(),
				"task.assigned:" + assigned.taskId() + ":" + assigneeId, "Task for you: " + name(assigned.taskName()),
				"Assigned to you in process " + assigned.processKey() + ".", TASKLIST_TASK + assigned.taskId()),
				List.of(assigneeId));
	}

	@ApplicationModuleListener
	void on(TaskOffered offered) {
		boolean discount = DEAL_PROCESS.equals(offered.processKey()) && APPROVE_DISCOUNT_TASK.equals(offered.taskKey())
				&& offered.businessKey() != null;
		Notice notice = discount
				? new Notice(NotificationKind.DISCOUNT_APPROVAL_REQUESTED, offered.workspaceId(),
						"discount.approval-requested:" + offered.taskId(),
						"Discount waiting for approval: " + name(offered.taskName()),
						"A deal's discount needs a manager's approval; approve or refuse it in the task.",
						"/app/" + offered.workspaceId() + "/deals/" + offered.businessKey())
				: new Notice(NotificationKind.TASK_OFFERED, offered.workspaceId(), "task.offered:" + offered.taskId(),
						"New task for your team: " + name(offered.taskName()),
						"Offered to your group or team in process " + offered.processKey()
								+ "; claim it to work on it.",
						TASKLIST_TASK + offered.taskId());
		this.deliveries.deliver(notice,
				this.candidates.memberIds(offered.workspaceId(), offered.candidateGroups(), offered.candidateUsers()));
	}

	@ApplicationModuleListener
	void on(DealWon won) {
		deal(won.workspaceId(), won.dealId())
			.ifPresent(
					deal -> this.deliveries.deliver(
							new Notice(NotificationKind.DEAL_WON, won.workspaceId(), "deal.won:" + won.dealId(),
									"Deal won: " + deal.title(),
									deal.customerName() + " · " + money(deal.value())
											+ " KZT. The order is placed from it.",
									dealLink(won.workspaceId(), won.dealId())),
							ownerAndManagers(won.workspaceId(), deal)));
	}

	@ApplicationModuleListener
	void on(DealLost lost) {
		deal(lost.workspaceId(), lost.dealId()).ifPresent(
				deal -> this.deliveries.deliver(
						new Notice(NotificationKind.DEAL_LOST, lost.workspaceId(), "deal.lost:" + lost.dealId(),
								"Deal lost: " + deal.title(),
								deal.customerName() + " · " + money(deal.value()) + " KZT. Reason: "
										+ ((lost.reason() != null) ? lost.reason() : "not given"),
								dealLink(lost.workspaceId(), lost.dealId())),
						ownerAndManagers(lost.workspaceId(), deal)));
	}

	/**
	 * Reminds a deal's owner when its expected close date has come and it is still open:
	 * in the inbox and (by default) by e-mail, or only by e-mail when the owner is an
	 * employee without a login.
	 */
	@ApplicationModuleListener
	void on(DealCloseDateReached reached) {
		if (reached.assignedTo() == null) {
			return;
		}
		this.hr.employeeInWorkspace(reached.workspaceId(), reached.assignedTo()).ifPresent(owner -> {
			String subject = "Deal \"" + reached.title() + "\" is due to close";
			String text = """
					Hello %s,

					the expected close date of the deal "%s" has come and the deal is still open.
					Move it on, win or lose it, or set a new expected close date.
					""".formatted(owner.name(), reached.title());
			if (owner.userId() == null) {
				this.mailer.send(owner.email(), subject, text);
				return;
			}
			this.deliveries.deliver(new Notice(NotificationKind.DEAL_CLOSE_DATE_REACHED, reached.workspaceId(),
					"deal.close-date-reached:" + reached.dealId() + ":" + reached.occurredAt().toEpochMilli(),
					"Deal due to close: " + reached.title(),
					"The expected close date has come and the deal is still open: move it on, win or lose it, or "
							+ "set a new date.",
					dealLink(reached.workspaceId(), reached.dealId()), subject, text), List.of(owner.userId()));
		});
	}

	@ApplicationModuleListener
	void on(PaymentReminderDue due) {
		this.deliveries.deliver(
				new Notice(NotificationKind.INVOICE_OVERDUE, due.workspaceId(),
						"invoice.overdue:" + due.invoiceId() + ":" + due.occurredAt().toEpochMilli(),
						"Invoice " + due.number() + " is overdue",
						"Open balance " + money(due.balance()) + " KZT, due on " + DATE.format(due.dueDate())
								+ ". The customer was reminded.",
						"/app/" + due.workspaceId() + "/invoices/" + due.invoiceId()),
				this.deliveries.managersOf(due.workspaceId()));
	}

	@ApplicationModuleListener
	void on(ProductionRunFinished finished) {
		this.deliveries.deliver(
				new Notice(NotificationKind.PRODUCTION_FINISHED, finished.workspaceId(),
						"production.finished:" + finished.productionOrderId(),
						"Production order " + finished.orderNumber() + " finished",
						"Passed inspection; " + finished.goodQuantity().stripTrailingZeros().toPlainString()
								+ " good units are in stock.",
						"/app/" + finished.workspaceId() + "/production/" + finished.productionOrderId()),
				this.deliveries.managersOf(finished.workspaceId()));
	}

	/**
	 * An overdue required onboarding item: a reminder to whoever may do it and a notice
	 * to the employee's manager, each in the inbox and (by default) by e-mail, with the
	 * texts these mails always had.
	 */
	@ApplicationModuleListener
	void on(OnboardingItemOverdue overdue) {
		String link = "/app/" + overdue.workspaceId() + "/employees/" + overdue.employeeId();
		String key = "onboarding.item-late:" + overdue.employeeId() + ":" + overdue.itemCode() + ":"
				+ overdue.reminder();
		String reminder = """
				Hello,

				the onboarding item "%s" of %s was due on %s and is still open (reminder %d of 3).
				Please complete it in Tasklist (%s/camunda/app/tasklist/) or mark it done there.
				""".formatted(overdue.itemTitle(), overdue.employeeName(), overdue.dueOn(), overdue.reminder(),
				this.publicUrl);
		notifyByEmail(overdue.responsibleEmails(),
				new Notice(NotificationKind.ONBOARDING_ITEM_LATE, overdue.workspaceId(), key + ":responsible",
						"Overdue onboarding item: " + overdue.itemTitle(),
						"Of " + overdue.employeeName() + ", due on " + overdue.dueOn() + " (reminder "
								+ overdue.reminder() + " of 3).",
						link, "Overdue onboarding item: " + overdue.itemTitle(), reminder));
		if (overdue.managerEmail() != null) {
			String notice = """
					Hello,

					the required onboarding item "%s" of %s, due on %s, is still open (reminder %d of 3 sent to %s).
					""".formatted(overdue.itemTitle(), overdue.employeeName(), overdue.dueOn(), overdue.reminder(),
					overdue.responsibleEmails().isEmpty() ? "nobody: no one may do it yet"
							: String.join(", ", overdue.responsibleEmails()));
			notifyByEmail(List.of(overdue.managerEmail()),
					new Notice(NotificationKind.ONBOARDING_ITEM_LATE, overdue.workspaceId(), key + ":manager",
							"Onboarding of " + overdue.employeeName() + " is late",
							"The required item \"" + overdue.itemTitle() + "\", due on " + overdue.dueOn()
									+ ", is still open.",
							link, "Onboarding of " + overdue.employeeName() + " is late", notice));
		}
	}

	/**
	 * A member left the workspace (removed, or his employment ended): his streams of it
	 * close on every node.
	 */
	@ApplicationModuleListener
	void on(MemberLeft left) {
		this.database.revoke(left.userId(), left.workspaceId());
	}

	/**
	 * Delivers to the addresses' users as they prefer; an address without an account gets
	 * the e-mail.
	 */
	private void notifyByEmail(List<String> emails, Notice notice) {
		List<UserAccount> users = this.identity.findAllByEmail(emails);
		Set<String> known = new LinkedHashSet<>();
		users.forEach(u -> known.add(u.email().toLowerCase(Locale.ROOT)));
		List<UUID> ids = new ArrayList<>(users.stream().map(UserAccount::id).toList());
		for (String email : emails) {
			if (!known.contains(email.toLowerCase(Locale.ROOT))) {
				this.mailer.send(email, notice.emailSubject(), notice.emailText());
			}
		}
		this.deliveries.deliver(notice, ids);
	}

	private Optional<DealTaskView> deal(UUID workspaceId, UUID dealId) {
		try {
			return Optional.of(this.deals.taskView(workspaceId, dealId));
		}
		catch (NotFoundException ex) {
			log.info("Deal {} of workspace {} is gone; nobody notified", dealId, workspaceId);
			return Optional.empty();
		}
	}

	private Set<UUID> ownerAndManagers(UUID workspaceId, DealTaskView deal) {
		Set<UUID> recipients = new LinkedHashSet<>();
		if (deal.assigneeEmail() != null) {
			this.identity.findByEmail(deal.assigneeEmail()).map(UserAccount::id).ifPresent(recipients::add);
		}
		recipients.addAll(this.deliveries.managersOf(workspaceId));
		return recipients;
	}

	private static String dealLink(UUID workspaceId, UUID dealId) {
		return "/app/" + workspaceId + "/deals/" + dealId;
	}

	private static String name(String taskName) {
		return (taskName != null) ? taskName : "a task";
	}

	private static String money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_UP).toPlainString() : "0.00";
	}

}
