package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface Sessions extends JpaRepository<Session, UUID> {

	/**
	 * Read on every authenticated request: one statement, in the caller's transaction if
	 * there is one, otherwise on its own (no read-only transaction of its own: that was
	 * three round trips instead of one, docs/benchmarks.md).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	@Query("select count(s) > 0 from Session s where s.id = :id and s.revokedAt is null")
	boolean isActive(UUID id);

	/** Ends every open session of the user. */
	@Modifying(flushAutomatically = true)
	@Query("update Session s set s.revokedAt = :now, s.revokeReason = :reason where s.userId = :userId and s.revokedAt is null")
	int revokeAllOf(UUID userId, String reason, Instant now);

	List<Session> findByUserIdAndRevokedAtIsNull(UUID userId);

}
