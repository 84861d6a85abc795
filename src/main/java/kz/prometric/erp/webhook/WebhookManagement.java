package kz.prometric.erp.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.events.EventCatalogue;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's webhook subscriptions and their delivery log. Only the workspace's owner
 * and admins see or change them (other members 403, everyone else 404). A subscription
 * names a URL (checked by the target policy: https to public addresses unless private
 * targets are allowed), the catalogue kinds it wants ({@code *} for all) and is active or
 * not; the server makes its signing secret and shows it once.
 */
@Service
public class WebhookManagement {

	/** Subscriptions a workspace may hold. */
	static final int MAX_SUBSCRIPTIONS = 25;

	static final String ALL_KINDS = "*";

	static final SortableFields WEBHOOK_SORT = SortableFields.of("createdAt", "createdAt");

	static final SortableFields DELIVERY_SORT = SortableFields.of("createdAt", "createdAt");

	private static final Set<String> STATUSES = Set.of(Deliveries.PENDING, Deliveries.DELIVERED, Deliveries.FAILED);

	private final Subscriptions subscriptions;

	private final Deliveries deliveries;

	private final TargetPolicy policy;

	private final DeliveryWorker worker;

	private final WorkspaceManagement workspaces;

	private final Clock clock;

	WebhookManagement(Subscriptions subscriptions, Deliveries deliveries, TargetPolicy policy, DeliveryWorker worker,
			WorkspaceManagement workspaces, Clock clock) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.policy = policy;
		this.worker = worker;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/**
	 * Subscribes {@code url} to {@code events} (catalogue kinds, or {@code *}); answers
	 * the subscription with its secret, shown this once. 422 naming {@code url} for a
	 * refused target, {@code events} for an unknown kind. Not idempotent.
	 */
	@Transactional
	public WebhookView create(UUID workspaceId, UUID callerId, String url, List<String> events, Boolean active,
			String description) {
		requireAdmin(workspaceId, callerId);
		if (this.subscriptions.count(workspaceId) >= MAX_SUBSCRIPTIONS) {
			throw new BusinessRuleViolation("url", "A workspace holds at most " + MAX_SUBSCRIPTIONS + " webhooks");
		}
		String target = this.policy.requireAllowed(url).toString();
		Instant now = this.clock.instant();
		Subscriptions.Subscription subscription = new Subscriptions.Subscription(UUID.randomUUID(), workspaceId, target,
				kinds(events), WebhookSignature.newSecret(), blankToNull(description), active == null || active, now,
				now);
		this.subscriptions.insert(subscription, callerId);
		return subscription.view().withSecret(subscription.secret());
	}

	/** The workspace's subscriptions, oldest first (sort: createdAt). */
	@Transactional(readOnly = true)
	public PageResult<WebhookView> webhooks(UUID workspaceId, UUID callerId, PageQuery query) {
		requireAdmin(workspaceId, callerId);
		Pageable page = query.toPageable(WEBHOOK_SORT);
		List<WebhookView> items = this.subscriptions.page(workspaceId, page.getPageSize(), page.getOffset())
			.stream()
			.map(Subscriptions.Subscription::view)
			.toList();
		return new PageResult<>(items, query.page(), query.size(), this.subscriptions.count(workspaceId));
	}

	@Transactional(readOnly = true)
	public WebhookView webhook(UUID workspaceId, UUID callerId, UUID webhookId) {
		requireAdmin(workspaceId, callerId);
		return require(workspaceId, webhookId, false).view();
	}

	/**
	 * Changes what is given (null leaves a field as it is; an empty description removes
	 * it). A changed URL is checked like a new one. Deliveries already queued keep going
	 * to the subscription's current URL; while it is inactive none are sent or added.
	 */
	@Transactional
	public WebhookView update(UUID workspaceId, UUID callerId, UUID webhookId, String url, List<String> events,
			Boolean active, String description) {
		requireAdmin(workspaceId, callerId);
		Subscriptions.Subscription current = require(workspaceId, webhookId, true);
		String target = (url != null) ? this.policy.requireAllowed(url).toString() : current.url();
		Subscriptions.Subscription changed = new Subscriptions.Subscription(current.id(), workspaceId, target,
				(events != null) ? kinds(events) : current.events(), current.secret(),
				(description != null) ? blankToNull(description) : current.description(),
				(active != null) ? active : current.active(), current.createdAt(), this.clock.instant());
		this.subscriptions.update(changed);
		return changed.view();
	}

	/** Deletes the subscription with its delivery log; nothing more is sent to it. */
	@Transactional
	public void delete(UUID workspaceId, UUID callerId, UUID webhookId) {
		requireAdmin(workspaceId, callerId);
		require(workspaceId, webhookId, true);
		this.subscriptions.delete(workspaceId, webhookId);
	}

	/**
	 * Replaces the signing secret; answers the subscription with the new one, shown this
	 * once. Attempts from then on are signed with it.
	 */
	@Transactional
	public WebhookView rotateSecret(UUID workspaceId, UUID callerId, UUID webhookId) {
		requireAdmin(workspaceId, callerId);
		Subscriptions.Subscription current = require(workspaceId, webhookId, true);
		Subscriptions.Subscription changed = new Subscriptions.Subscription(current.id(), workspaceId, current.url(),
				current.events(), WebhookSignature.newSecret(), current.description(), current.active(),
				current.createdAt(), this.clock.instant());
		this.subscriptions.update(changed);
		return changed.view().withSecret(changed.secret());
	}

	/**
	 * The subscription's deliveries, newest first, optionally of one status (PENDING,
	 * DELIVERED, FAILED; 400 naming {@code status} otherwise).
	 */
	@Transactional(readOnly = true)
	public PageResult<DeliveryView> deliveries(UUID workspaceId, UUID callerId, UUID webhookId, String status,
			PageQuery query) {
		requireAdmin(workspaceId, callerId);
		require(workspaceId, webhookId, false);
		String state = (status != null) ? status.toUpperCase(Locale.ROOT) : null;
		if (state != null && !STATUSES.contains(state)) {
			throw new InvalidInputException("status", "must be one of PENDING, DELIVERED, FAILED");
		}
		Pageable page = query.toPageable(DELIVERY_SORT);
		return new PageResult<>(this.deliveries.page(webhookId, state, page.getPageSize(), page.getOffset()),
				query.page(), query.size(), this.deliveries.count(webhookId, state));
	}

	/** One delivery with every attempt. */
	@Transactional(readOnly = true)
	public DeliveryView delivery(UUID workspaceId, UUID callerId, UUID webhookId, UUID deliveryId) {
		requireAdmin(workspaceId, callerId);
		require(workspaceId, webhookId, false);
		return this.deliveries.find(webhookId, deliveryId)
			.orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
	}

	/**
	 * Sends the delivery once more, now, with the same event id and body (whatever its
	 * status, also to an inactive subscription), and answers it with the attempt
	 * recorded; a 2xx makes it DELIVERED, anything else leaves its status and schedule as
	 * they were. 409 while another attempt of it is under way. Runs outside a
	 * transaction: the call waits for the receiver (at most about 15 s).
	 */
	public DeliveryView redeliver(UUID workspaceId, UUID callerId, UUID webhookId, UUID deliveryId) {
		requireAdmin(workspaceId, callerId);
		require(workspaceId, webhookId, false);
		Instant now = this.clock.instant();
		UUID token = UUID.randomUUID();
		Deliveries.Claim claim = this.deliveries
			.claimOne(webhookId, deliveryId, now, now.plus(DeliveryWorker.LEASE), token)
			.orElseThrow(() -> {
				this.deliveries.find(webhookId, deliveryId)
					.orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
				return new ConflictException("The delivery is being sent right now; try again in a minute");
			});
		this.worker.attempt(claim, token, now, true);
		return this.deliveries.find(webhookId, deliveryId)
			.orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
	}

	private void requireAdmin(UUID workspaceId, UUID callerId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
	}

	private Subscriptions.Subscription require(UUID workspaceId, UUID webhookId, boolean forUpdate) {
		return this.subscriptions.find(workspaceId, webhookId, forUpdate)
			.orElseThrow(() -> new NotFoundException("Webhook", webhookId));
	}

	/**
	 * The kinds, checked against the catalogue (422 naming {@code events}) and without
	 * repeats; {@code *} alone when it is among them.
	 */
	static List<String> kinds(List<String> events) {
		if (events == null || events.isEmpty()) {
			throw new BusinessRuleViolation("events", "Name at least one event kind, or * for all");
		}
		Set<String> kinds = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String kind : events) {
			if (ALL_KINDS.equals(kind)) {
				return List.of(ALL_KINDS);
			}
			if (EventCatalogue.isKnown(kind)) {
				kinds.add(kind);
			}
			else {
				unknown.add(String.valueOf(kind));
			}
		}
		if (!unknown.isEmpty()) {
			throw new BusinessRuleViolation("events", "Unknown event kind(s) " + unknown + "; known kinds: "
					+ String.join(", ", EventCatalogue.KINDS) + ", or * for all");
		}
		return List.copyOf(kinds);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
