package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmailVerifications extends JpaRepository<EmailVerification, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from EmailVerification v where v.tokenHash = :tokenHash")
	Optional<EmailVerification> findByTokenHashForUpdate(String tokenHash);

	long countByUserIdAndCreatedAtAfter(UUID userId, Instant after);

	/** Closes every open request of the user: one confirmation ends them all. */
	@Modifying
	@Query("update EmailVerification v set v.usedAt = :now where v.userId = :userId and v.usedAt is null")
	int closeAllOf(UUID userId, Instant now);

}
