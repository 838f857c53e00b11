import Foundation
import Testing

@testable import WardSimSecurity

@Suite("Password hashing")
struct PasswordHasherTests {
    let hasher = PasswordHasher()

    @Test func hashesWithArgon2idAtInteractiveLimits() throws {
        let stored = try hasher.hash("correct horse battery staple")
        #expect(stored.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(!stored.contains("correct horse"))
    }

    @Test func verifiesTheRightPasswordOnly() throws {
        let stored = try hasher.hash("pässwörd with ünïcode ✓")
        #expect(hasher.verify("pässwörd with ünïcode ✓", against: stored))
        #expect(!hasher.verify("pässwörd with ünïcode", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func saltsEveryHash() throws {
        #expect(try hasher.hash("same password here") != hasher.hash("same password here"))
    }

    @Test func refusesUnusableAndMalformedHashes() {
        #expect(!hasher.verify("anything", against: "!"))
        #expect(!hasher.verify("anything", against: ""))
        #expect(!hasher.verify("anything", against: "$argon2id$garbage"))
        #expect(!hasher.verify("anything", against: String(repeating: "$", count: 500)))
    }

    @Test func asksForARehashWhenParametersChange() throws {
        let weak = PasswordHasher(limits: .minimum)
        let old = try weak.hash("an old password")
        #expect(hasher.needsRehash(old))
        #expect(hasher.verify("an old password", against: old))
        #expect(!hasher.needsRehash(try hasher.hash("a current password")))
        #expect(hasher.needsRehash("!"))
    }

    @Test func embeddedNulBytesAreNotTruncation() throws {
        let weak = PasswordHasher(limits: .minimum)
        let stored = try weak.hash("abc\u{0}def")
        #expect(weak.verify("abc\u{0}def", against: stored))
        #expect(!weak.verify("abc", against: stored))
    }

    @Test func theGateBoundsConcurrentHashing() {
        let gate = HashingGate(width: 2)
        let counter = ConcurrencyCounter()
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            gate.run {
                counter.enter()
                usleep(5_000)
                counter.leave()
            }
        }
        #expect(counter.peak <= 2)
        #expect(counter.peak >= 1)
        #expect(HashingGate.shared.width == ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Counts how many callers are inside a region at once.
final class ConcurrencyCounter: @unchecked Sendable {
    // `lock` protects `current` and `highest`.
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    func enter() {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { highest } }
}
