import Foundation
import Testing
@testable import SaferDomain

@Suite("Trusted proxies: which address a request came from")
struct TrustedProxiesTests {
    @Test func networksContainTheirAddresses() throws {
        let lan = try IPNetwork(parsing: "10.0.0.0/8")
        #expect(lan.contains("10.200.3.4") && !lan.contains("11.0.0.1") && !lan.contains("not an address"))
        #expect(try IPNetwork(parsing: "192.168.1.10").contains("192.168.1.10") && !(try IPNetwork(parsing: "192.168.1.10")).contains("192.168.1.11"))
        #expect(try IPNetwork(parsing: "172.16.0.0/12").contains("172.31.255.255") && !(try IPNetwork(parsing: "172.16.0.0/12")).contains("172.32.0.0"))
        let v6 = try IPNetwork(parsing: "2001:db8::/32")
        #expect(v6.contains("2001:db8:1::7") && !v6.contains("2001:db9::1") && !v6.contains("10.0.0.1"))
        #expect(try IPNetwork(parsing: "::1").contains("::1") && (try IPNetwork(parsing: "::ffff:10.0.0.0/104")).contains("::ffff:10.1.2.3"))
        #expect(try IPNetwork(parsing: "0.0.0.0/0").contains("8.8.8.8"))
        for bad in ["10.0.0.0/33", "10.0.0/8", "300.0.0.1", "2001:db8::/129", "1::2::3", "10.0.0.0/99999999999999999999", "", "abc"] {
            #expect(throws: ValidationError.self, "\(bad)") { try IPNetwork(parsing: bad) }
        }
    }

    @Test func forwardedHeadersAreBelievedOnlyFromTrustedProxies() throws {
        let proxies = try TrustedProxies(parsing: "10.0.0.0/8, 2001:db8::/32")
        // From the council's proxy: the client it names.
        #expect(proxies.client(peer: "10.0.0.5", forwarded: nil, xForwardedFor: "203.0.113.7") == "203.0.113.7")
        // A forged first entry is ignored: the nearest untrusted hop is the client.
        #expect(proxies.client(peer: "10.0.0.5", forwarded: nil, xForwardedFor: "1.2.3.4, 203.0.113.7, 10.0.0.9") == "203.0.113.7")
        #expect(proxies.client(peer: "10.0.0.5", forwarded: "for=192.0.2.60;proto=https, for=\"[2001:db8::1]:443\"", xForwardedFor: "9.9.9.9") == "192.0.2.60")
        #expect(proxies.client(peer: "10.0.0.5", forwarded: "for=\"198.51.100.17:4711\"", xForwardedFor: nil) == "198.51.100.17")
        // From anyone else: the socket's peer, whatever the headers say.
        #expect(proxies.client(peer: "198.51.100.1", forwarded: "for=1.1.1.1", xForwardedFor: "2.2.2.2") == "198.51.100.1")
        #expect(TrustedProxies().client(peer: "10.0.0.5", forwarded: nil, xForwardedFor: "203.0.113.7") == "10.0.0.5")
        // Garbage from a proxy falls back to the peer rather than a made-up key.
        #expect(proxies.client(peer: "10.0.0.5", forwarded: nil, xForwardedFor: "<script>") == "10.0.0.5")
        #expect(proxies.client(peer: "10.0.0.5", forwarded: nil, xForwardedFor: "10.0.0.7") == "10.0.0.7")
    }
}
