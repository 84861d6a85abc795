package kz.prometric.erp.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import kz.prometric.erp.shared.BusinessRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may target. Checked when a subscription is created or changed and
 * again before every delivery (a name may resolve elsewhere by then): an https URL (http
 * only where private targets are allowed) whose host resolves to public addresses only.
 * Loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local
 * (169.254/16, fe80::/10, which holds the cloud metadata address 169.254.169.254),
 * unspecified (0.0.0.0, ::), multicast and broadcast addresses are refused unless
 * {@code prometric.webhooks.allow-private-targets} is true (tests, on-premise receivers).
 */
@Component
class TargetPolicy {

	static final int MAX_URL_LENGTH = 2000;

	private volatile boolean allowPrivateTargets;

	TargetPolicy(@Value("${prometric.webhooks.allow-private-targets:false}") boolean allowPrivateTargets) {
		this.allowPrivateTargets = allowPrivateTargets;
	}

	/** Switches the setting at run time (tests prove the refusal with it off). */
	void allowPrivateTargets(boolean allow) {
		this.allowPrivateTargets = allow;
	}

	boolean allowsPrivateTargets() {
		return this.allowPrivateTargets;
	}

	/**
	 * The URL, checked: 422 naming {@code url} when it is not an absolute http(s) URL
	 * without user info, or its host does not resolve, or resolves to an address that is
	 * not allowed.
	 */
	URI requireAllowed(String url) {
		URI uri = parse(url);
		String refusal = refusal(uri);
		if (refusal != null) {
			throw new BusinessRuleViolation("url", refusal);
		}
		return uri;
	}

	/**
	 * Why the target may not be called now, or null when it may (the delivery-time check:
	 * the host is resolved again).
	 */
	String refusal(URI uri) {
		String host = uri.getHost();
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return "The host " + host + " does not resolve";
		}
		if (this.allowPrivateTargets) {
			return null;
		}
		for (InetAddress address : addresses) {
			if (isInternal(address)) {
				return "The host " + host + " resolves to " + address.getHostAddress()
						+ ", a loopback, private, link-local, metadata or multicast address; webhooks go to public"
						+ " addresses only";
			}
		}
		return null;
	}

	private URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw new BusinessRuleViolation("url", "A URL is required");
		}
		if (url.length() > MAX_URL_LENGTH) {
			throw new BusinessRuleViolation("url", "At most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new BusinessRuleViolation("url", "Not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
			throw new BusinessRuleViolation("url", "An absolute https URL with a host is required");
		}
		if (!scheme.equals("https") && !(scheme.equals("http") && this.allowPrivateTargets)) {
			throw new BusinessRuleViolation("url", "The URL must use https");
		}
		if (uri.getRawUserInfo() != null) {
			throw new BusinessRuleViolation("url", "The URL may not contain a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new BusinessRuleViolation("url", "The URL may not contain a fragment");
		}
		return uri;
	}

	/** Whether the address is one a webhook may not reach by default. */
	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			// 0/8 "this network", 100.64/10 carrier-grade NAT, 224/4 multicast and above:
			// reserved and broadcast
			return first == 0 || first == 10 || (first == 172 && (second & 0xf0) == 16)
					|| (first == 192 && second == 168) || (first == 100 && (second & 0xc0) == 64)
					|| (first == 169 && second == 254) || first == 127 || first >= 224;
		}
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				// unique local fc00::/7, holds the EC2 metadata address fd00:ec2::254
				return true;
			}
			if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
				return true; // fe80::/10
			}
			if (isEmbeddedIpv4(b)) {
				try {
					return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96)
	 * addresses reach the IPv4 address in their last four bytes.
	 */
	private static boolean isEmbeddedIpv4(byte[] b) {
		boolean zeros = true;
		for (int i = 0; i < 10; i++) {
			zeros &= b[i] == 0;
		}
		boolean mapped = zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = b[i] == 0;
		}
		return mapped || nat64;
	}

}
