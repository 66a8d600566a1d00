import Foundation

/// Short references people can read out over the phone ("FT-7K3M9Q"), made from a record's id
/// so that every node makes the same one without coordination. Crockford's base-32 alphabet
/// leaves out I, L, O and U, which are easily misread.
public enum ReferenceCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A reference with the prefix and six characters (30 bits) derived from the id by FNV-1a.
    public static func make(prefix: String, from id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        var characters: [Character] = []
        for _ in 0..<6 {
            characters.append(alphabet[Int(hash & 31)])
            hash >>= 5
        }
        return prefix + "-" + String(characters)
    }
}
