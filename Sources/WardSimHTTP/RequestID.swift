import Synchronization

/// Request ids: 16 hex digits, unique within a process and unlike those of other runs.
///
/// A counter mixed by SplitMix64 (a bijection, so distinct counts give distinct ids)
/// from a random start: no system call per request, where drawing from the system's
/// random source cost one `getrandom` per request, a tenth of a small request's time.
/// Ids only correlate log lines with error reports; they are not secrets.
enum RequestID {
    private static let counter = Atomic<UInt64>(UInt64.random(in: .min ... .max))

    static func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return String(mix(count), radix: 16).leftPadded(to: 16)
    }

    /// SplitMix64's finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
