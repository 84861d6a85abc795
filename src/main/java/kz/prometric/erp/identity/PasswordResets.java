package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResets extends JpaRepository<PasswordReset, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from PasswordReset r where r.tokenHash = :tokenHash")
	Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash);

	long countByUserIdAndCreatedAtAfter(UUID userId, Instant after);

	/** Closes every open request of the user: a new password ends them all. */
	@Modifying
	@Query("update PasswordReset r set r.usedAt = :now where r.userId = :userId and r.usedAt is null")
	int closeAllOf(UUID userId, Instant now);

}
