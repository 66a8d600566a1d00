import Foundation

/// An IPv4 or IPv6 network written as a CIDR ("10.0.0.0/8", "2001:db8::/32", or one address),
/// for deciding which peers are the council's own reverse proxies.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    let address: [UInt8]
    let prefix: Int

    /// Reads "a.b.c.d/n" or an IPv6 "x:y::z/n"; an address without "/n" is the one host.
    public init(parsing text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.bytes(String(parts[0])) else {
            throw ValidationError("\"\(text)\" is not an IP network: write it as 10.0.0.0/8, 192.168.1.10 or 2001:db8::/32.")
        }
        let width = bytes.count * 8
        var prefix = width
        if parts.count == 2 {
            guard let given = Int(String(parts[1]), in: 0...width) else {
                throw ValidationError("\"\(text)\": the prefix after / must be a whole number from 0 to \(width).")
            }
            prefix = given
        }
        self.address = bytes
        self.prefix = prefix
    }

    /// Whether an address (as text) is in the network. Text that is not an address is in none.
    public func contains(_ text: String) -> Bool {
        guard let bytes = Self.bytes(text), bytes.count == address.count else { return false }
        var bits = prefix
        for (a, b) in zip(address, bytes) {
            if bits <= 0 { return true }
            let mask: UInt8 = bits >= 8 ? 0xFF : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if a & mask != b & mask { return false }
            bits -= 8
        }
        return true
    }

    public var description: String {
        let text = address.count == 4 ? address.map(String.init).joined(separator: ".")
            : stride(from: 0, to: 16, by: 2).map { String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16) }.joined(separator: ":")
        return "\(text)/\(prefix)"
    }

    /// The bytes of an IPv4 (4) or IPv6 (16) address, or nil.
    static func bytes(_ text: String) -> [UInt8]? {
        if text.contains(":") { return ipv6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if let percent = text.firstIndex(of: "%") { text = text[..<percent] }   // a zone, as in fe80::1%eth0
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = bytes(String(piece)) {
                    result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: halves.count == 2 ? missing : 0) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

/// Which address a request came from, when the council's reverse proxies stand in front of Safer:
/// `Forwarded` (RFC 7239) or `X-Forwarded-For` is believed only from a trusted proxy, and the
/// client is the nearest address in the chain that is not one of the proxies.
public struct TrustedProxies: Sendable, Hashable {
    public let networks: [IPNetwork]
    public init(_ networks: [IPNetwork] = []) { self.networks = networks }

    /// Reads a comma-separated list of CIDRs.
    public init(parsing text: String) throws {
        networks = try text.split(separator: ",").map { try IPNetwork(parsing: String($0)) }
    }

    public func trusts(_ address: String) -> Bool { networks.contains { $0.contains(address) } }

    /// The client's address: the peer's, unless the peer is a trusted proxy that says whom it forwards for.
    public func client(peer: String, forwarded: String?, xForwardedFor: String?) -> String {
        guard trusts(peer) else { return peer }
        var chain: [String] = []
        if let forwarded {
            for element in forwarded.split(separator: ",") {
                for pair in element.split(separator: ";") {
                    let trimmed = pair.trimmingCharacters(in: .whitespaces)
                    if trimmed.lowercased().hasPrefix("for=") { chain.append(Self.address(String(trimmed.dropFirst(4)))) }
                }
            }
        } else if let xForwardedFor {
            chain = xForwardedFor.split(separator: ",").map { Self.address(String($0)) }
        }
        // From the nearest hop back: the first address that is not a proxy of ours is the client.
        for address in chain.reversed() where !trusts(address) {
            return IPNetwork.bytes(address) == nil ? peer : address
        }
        return chain.first.flatMap { IPNetwork.bytes($0) == nil ? nil : $0 } ?? peer
    }

    /// An address from a header value: quotes, brackets and a port taken off.
    static func address(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { return String(text[text.index(after: text.startIndex)..<close]) }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        return text
    }
}
