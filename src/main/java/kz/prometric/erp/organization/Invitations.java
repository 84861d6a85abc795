package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Invitations extends JpaRepository<Invitation, UUID> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	/**
	 * Stores the hash of a newly minted link token if the invitation is still open. A
	 * bulk update that leaves the version alone, so minting (when the mail goes out)
	 * never makes an answer given at the same moment fail as a concurrent change.
	 */
	@Modifying
	@Query("update Invitation i set i.tokenHash = :tokenHash where i.id = :id "
			+ "and i.status = kz.prometric.erp.organization.Invitation.Status.PENDING and i.expiresAt > :now")
	int mintToken(UUID id, String tokenHash, Instant now);

	Page<Invitation> findByWorkspaceId(UUID workspaceId, Pageable pageable);

	@Query("select i from Invitation i where i.email = :email "
			+ "and i.status = kz.prometric.erp.organization.Invitation.Status.PENDING and i.expiresAt > :now")
	Page<Invitation> findOpenFor(String email, Instant now, Pageable pageable);

	@Query("select count(i) > 0 from Invitation i where i.workspaceId = :workspaceId and i.email = :email "
			+ "and i.status = kz.prometric.erp.organization.Invitation.Status.PENDING and i.expiresAt > :now")
	boolean existsOpen(UUID workspaceId, String email, Instant now);

}
