import Foundation

/// Blocks until SIGINT or SIGTERM arrives, so `serve` can shut down gracefully.
enum ShutdownSignal {
    static func wait() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        let semaphore = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "wardsim.signals")
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { semaphore.signal() }
            source.resume()
            return source
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
    }
}
