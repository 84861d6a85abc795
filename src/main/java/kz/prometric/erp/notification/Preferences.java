package kz.prometric.erp.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code ntf_preference} table: a user's channel per kind, where he chose one. */
@Component
class Preferences {

	private final NamedParameterJdbcTemplate jdbc;

	Preferences(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The channel the user wants for the kind: his choice, or the kind's default. */
	NotificationChannel channel(UUID userId, NotificationKind kind) {
		return this.jdbc
			.queryForList("select channel from ntf_preference where user_id = :user and kind = :kind",
					Map.of("user", userId, "kind", kind.code()), String.class)
			.stream()
			.findFirst()
			.map(NotificationChannel::valueOf)
			.orElse(kind.defaultChannel());
	}

	/** The user's own choices (kinds left at their default are absent). */
	Map<NotificationKind, NotificationChannel> chosen(UUID userId) {
		Map<NotificationKind, NotificationChannel> chosen = new EnumMap<>(NotificationKind.class);
		this.jdbc.query("select kind, channel from ntf_preference where user_id = :user", Map.of("user", userId),
				row -> {
					String channel = row.getString(2);
					NotificationKind.ofCode(row.getString(1))
						.ifPresent(kind -> chosen.put(kind, NotificationChannel.valueOf(channel)));
				});
		return chosen;
	}

	void choose(UUID userId, NotificationKind kind, NotificationChannel channel) {
		this.jdbc.update("""
				insert into ntf_preference (user_id, kind, channel) values (:user, :kind, :channel)
				on conflict (user_id, kind) do update set channel = excluded.channel""",
				Map.of("user", userId, "kind", kind.code(), "channel", channel.name()));
	}

}
