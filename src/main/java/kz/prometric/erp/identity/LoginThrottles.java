package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginThrottles extends JpaRepository<LoginThrottle, LoginThrottle.Key> {

	@Query("select t from LoginThrottle t where t.source = :source and t.account in :accounts")
	List<LoginThrottle> find(String source, Collection<String> accounts);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from LoginThrottle t where t.source = :source and t.account = :account")
	Optional<LoginThrottle> findForUpdate(String source, String account);

	@Modifying
	@Query(value = "insert into idn_login_throttle (source, account, failures, window_start, last_failure_at) "
			+ "values (:source, :account, 0, now(), now()) on conflict (source, account) do nothing",
			nativeQuery = true)
	void ensureRow(String source, String account);

	@Modifying
	@Query("delete from LoginThrottle t where t.source = :source and t.account = :account")
	void forget(String source, String account);

	@Modifying
	@Query("delete from LoginThrottle t where t.lastFailureAt < :before and (t.blockedUntil is null or t.blockedUntil < :before)")
	int deleteStale(Instant before);

}
