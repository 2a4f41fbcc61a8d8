package io.rapport.server.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go. A subscription must not turn the server into a client of its own network
 * (metadata services, databases, admin ports), so hosts that are or resolve to private, loopback,
 * link-local or otherwise non-public addresses are refused, at create/update and again before every
 * attempt (DNS may change in between). {@code allowPrivateTargets} lifts this, and allows plain http,
 * for local development and tests.
 */
public final class TargetPolicy {
    private final boolean allowPrivate;
    private final Resolver resolver;

    /** Name resolution, a seam so the address rules can be tested without DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public TargetPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    TargetPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL of a new or updated subscription; throws a 422 problem when it may not be used. */
    public URI checkSubscription(String url) {
        URI uri = parse(url);
        refusal(uri).ifPresent(reason -> {
            throw WebhookProblem.targetRefused(reason);
        });
        return uri;
    }

    /** Why a delivery to {@code uri} may not be sent now, or empty when it may. */
    public Optional<String> refusal(URI uri) {
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + uri.getHost() + " resolves to the non-public address " + address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw WebhookProblem.invalidUrl("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw WebhookProblem.invalidUrl(allowPrivate ? "must be an absolute http or https URL" : "must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw WebhookProblem.invalidUrl("has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw WebhookProblem.invalidUrl("must not carry credentials or a fragment");
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                          // "this network"
                    && !(first == 100 && second >= 64 && second < 128)   // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                    && first < 240;                                    // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) != 0xfc                              // unique local fc00::/7
                    && !isMappedOrCompatibleNonPublic(b);
        }
        return false;
    }

    /** IPv4 embedded in IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d) is judged by its IPv4 address. */
    private static boolean isMappedOrCompatibleNonPublic(byte[] b) {
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (!mapped && !nat64) {
            return false;
        }
        try {
            return !isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
