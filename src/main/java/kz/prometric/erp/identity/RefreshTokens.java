package kz.prometric.erp.identity;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokens extends JpaRepository<RefreshToken, UUID> {

	/**
	 * Locks the row so that two concurrent refreshes with one token are serialised: the
	 * second sees it used.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from RefreshToken t where t.tokenHash = :hash")
	Optional<RefreshToken> findForUpdate(String hash);

}
