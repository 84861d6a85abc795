package kz.prometric.erp.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues signed access tokens and random refresh tokens (stored only as hashes).
 */
@Component
class TokenService {

	static final String CLAIM_EMAIL = "email";

	static final String CLAIM_SESSION = "sid";

	private final JwtEncoder encoder;

	private final IdentityProperties properties;

	private final Clock clock;

	TokenService(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	String accessToken(User user, Session session) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(user.id().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.claim(CLAIM_EMAIL, user.email())
			.claim(CLAIM_SESSION, session.id().toString())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	long accessTokenSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

	String newRefreshToken() {
		return LinkTokens.newToken();
	}

	static String hash(String refreshToken) {
		return LinkTokens.hash(refreshToken);
	}

}
