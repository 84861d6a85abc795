package kz.prometric.erp.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Sessions extends JpaRepository<Session, UUID> {

	@Query("select count(s) > 0 from Session s where s.id = :id and s.revokedAt is null")
	boolean isActive(UUID id);

	List<Session> findByUserIdAndRevokedAtIsNull(UUID userId);

}
