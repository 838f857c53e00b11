public import Foundation

/// Version-5 (name-based, SHA-1) UUIDs as RFC 9562 §5.5 defines them.
///
/// The same namespace and name always give the same UUID, which is what lets WardSim
/// re-export an encounter's xAPI statements with the same ids: an LRS then recognises a
/// re-sent statement instead of storing it twice.
///
/// ```swift
/// NameBasedUUID.make(namespace: NameBasedUUID.dns, name: "python.org")
/// // 886313E1-3B8A-5372-9B90-0C9AEE199E5D
/// ```
public enum NameBasedUUID {
    /// RFC 9562's namespace for DNS names (used by the tests' known answers).
    public static let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
    /// RFC 9562's namespace for URLs.
    public static let url = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!

    public static func make(namespace: UUID, name: String) -> UUID {
        let n = namespace.uuid
        var bytes: [UInt8] = [
            n.0, n.1, n.2, n.3, n.4, n.5, n.6, n.7, n.8, n.9, n.10, n.11, n.12, n.13, n.14, n.15,
        ]
        bytes.append(contentsOf: name.utf8)
        var d = SHA1.hash(bytes)
        d[6] = (d[6] & 0x0F) | 0x50  // version 5
        d[8] = (d[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15])
        )
    }
}
