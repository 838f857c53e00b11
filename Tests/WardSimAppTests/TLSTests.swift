import Foundation
import Testing

/// `--tls-cert`/`--tls-key`: the server speaks HTTPS through libmicrohttpd's GnuTLS
/// support, and plain HTTP on that port gets no answer.
@Suite("HTTPS")
struct TLSTests {
    /// Runs a tool and returns its standard output and exit status.
    static func run(_ tool: String, _ arguments: [String]) throws -> (String, Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func servesHTTPSWithTheGivenCertificate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("key.pem").path
        let cert = folder.appendingPathComponent("cert.pem").path
        let (_, made) = try Self.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj",
                "/CN=localhost",
            ])
        try #require(made == 0, "openssl could not make a test certificate")
        let app = try TestApp {
            $0.tlsCertificatePath = cert
            $0.tlsKeyPath = key
        }
        let port = app.server.port
        let (body, status) = try Self.run("curl", ["-sk", "--max-time", "20", "https://127.0.0.1:\(port)/healthz"])
        #expect(status == 0)
        #expect(body == #"{"status":"ok"}"#)
        let (_, plain) = try Self.run("curl", ["-s", "--max-time", "5", "http://127.0.0.1:\(port)/healthz"])
        #expect(plain != 0)
    }
}
