import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port where nothing listens, held for the test's lifetime.
///
/// Binding without `listen` makes connections fail at once (refused) and keeps the port
/// from being handed to another test's server running in parallel; a port that was merely
/// closed could be, and then the "dead" upstream answered.
final class RefusingPort: @unchecked Sendable {
    // Immutable after init; the descriptor is closed once, in deinit.
    let port: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    deinit { close(descriptor) }
}
