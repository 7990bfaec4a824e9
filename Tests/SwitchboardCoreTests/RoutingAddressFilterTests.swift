import Testing

@testable import SwitchboardCore

/// IP parsing and the `allowed_addresses` verdicts (livekit-routing.md 2.3).
@Suite("Routing: IP addresses and allowed_addresses")
struct RoutingAddressFilterTests {
    @Test(
        "IPv4 and IPv6 addresses parse as Go's netip does",
        arguments: [
            ("203.0.113.7", "203.0.113.7"), ("0.0.0.0", "0.0.0.0"), ("::", "0:0:0:0:0:0:0:0"), ("::1", "0:0:0:0:0:0:0:1"),
            ("2001:db8::7", "2001:db8:0:0:0:0:0:7"), ("2001:DB8:0:0:0:0:0:7", "2001:db8:0:0:0:0:0:7"),
            ("::ffff:192.0.2.1", "0:0:0:0:0:ffff:c000:201"), ("fe80::1%eth0", "fe80:0:0:0:0:0:0:1%eth0"),
        ])
    func parses(text: String, canonical: String) {
        #expect(IPAddress(text)?.description == canonical)
    }

    @Test(
        "Malformed addresses do not parse",
        arguments: [
            "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1", "1.2.3.-4", "1:2", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9",
            "12345::", "g::1", "1.2.3.4/24", "fe80::1%", "sip.carrier.example", "::ffff:1.2.3", "+1::",
        ])
    func refuses(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("CIDR prefixes contain addresses of their own family only")
    func prefixes() throws {
        let v4 = try #require(IPPrefix("203.0.113.0/24"))
        #expect(v4.contains(IPAddress("203.0.113.255")!))
        #expect(!v4.contains(IPAddress("203.0.114.0")!))
        #expect(!v4.contains(IPAddress("::ffff:203.0.113.7")!), "IPv4-mapped IPv6 is another family, as in Go")
        #expect(try #require(IPPrefix("10.1.2.3/8")).contains(IPAddress("10.200.0.1")!), "host bits are ignored")
        #expect(try #require(IPPrefix("1.2.3.4/0")).contains(IPAddress("198.51.100.1")!), "/0 matches everything")
        let v6 = try #require(IPPrefix("2001:db8:10::/48"))
        #expect(v6.contains(IPAddress("2001:db8:10:abcd::1")!))
        #expect(!v6.contains(IPAddress("2001:db8:11::1")!))
        #expect(try #require(IPPrefix("2001:db8::/127")).contains(IPAddress("2001:db8::1")!))
        #expect(!(try #require(IPPrefix("2001:db8::/128")).contains(IPAddress("2001:db8::1")!)))
        for bad in ["1.2.3.4/33", "1.2.3.4/", "1.2.3.4/x", "::/129", "fe80::1%eth0/64", "1.2.3.4/08", "host/24"] {
            #expect(IPPrefix(bad) == nil, "\(bad)")
        }
    }

    @Test("Verdicts: no filter, match kinds, unparseable source, malformed entries")
    func verdicts() {
        let host = "sip.carrier.example"
        #expect(AddressFilter.evaluate([], sourceIP: "1.2.3.4", fromHost: host) == .noFilter)
        #expect(AddressFilter.evaluate(["10.0.0.0/8"], sourceIP: "garbage", fromHost: host) == .unparseableSourceIP)
        #expect(AddressFilter.evaluate([host], sourceIP: "1.2.3.4", fromHost: host) == .matched(entry: host, how: .fromHost))
        #expect(AddressFilter.evaluate(["1.2.3.4"], sourceIP: "1.2.3.4", fromHost: host) == .matched(entry: "1.2.3.4", how: .exactIP))
        #expect(AddressFilter.evaluate(["1.2.3.0/24"], sourceIP: "1.2.3.4", fromHost: host) == .matched(entry: "1.2.3.0/24", how: .prefix))
        #expect(
            AddressFilter.evaluate(["1.2.3.4, 5.6.7.8", "sip://x"], sourceIP: "9.9.9.9", fromHost: host)
                == .onlyMalformedEntries(dropped: ["1.2.3.4, 5.6.7.8", "sip://x"]))
        let mixed = AddressFilter.evaluate(["(bad)", "10.0.0.0/8"], sourceIP: "9.9.9.9", fromHost: host)
        #expect(mixed == .notMatched(dropped: ["(bad)"]))
        #expect(!mixed.passes)
        #expect(AddressFilter.evaluate(["other.host"], sourceIP: "9.9.9.9", fromHost: host) == .notMatched(dropped: []))
    }
}
