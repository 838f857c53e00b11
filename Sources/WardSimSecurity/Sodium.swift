import CSodium

/// libsodium's one-time initialisation.
///
/// `sodium_init()` must run before any other libsodium call: it picks the fastest
/// implementations for this CPU and seeds the random generator. It is safe to call more
/// than once, but Swift's lazy `static let` (run exactly once, thread-safely) keeps the
/// cost to a single call; every public entry point of this module goes through
/// `Sodium.ready()`.
enum Sodium {
    private static let initialised: Bool = sodium_init() >= 0

    /// Makes sure libsodium is initialised; stops the process if it cannot be, because
    /// nothing this module promises (random tokens, password hashing) would hold.
    static func ready() {
        guard initialised else { fatalError("libsodium could not be initialised (sodium_init failed)") }
    }
}

extension String {
    /// The text of a NUL-terminated C buffer that libsodium filled in.
    init(nulTerminated buffer: [CChar]) {
        self.init(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
