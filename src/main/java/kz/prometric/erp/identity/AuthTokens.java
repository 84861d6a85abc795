package kz.prometric.erp.identity;

/**
 * What a login or refresh answers: a bearer access token, the refresh token that replaces
 * the one used, and the access token's lifetime in seconds.
 */
public record AuthTokens(String accessToken, String refreshToken, long expiresIn) {
}
