package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginThrottles extends JpaRepository<LoginThrottle, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from LoginThrottle t where t.email = :email")
	Optional<LoginThrottle> findForUpdate(String email);

	@Modifying
	@Query(value = "insert into idn_login_throttle (email, failures, window_start) values (:email, 0, now()) "
			+ "on conflict (email) do nothing", nativeQuery = true)
	void ensureRow(String email);

	@Modifying
	@Query("delete from LoginThrottle t where t.windowStart < :before and (t.lockedUntil is null or t.lockedUntil < :now)")
	int deleteStale(Instant before, Instant now);

}
