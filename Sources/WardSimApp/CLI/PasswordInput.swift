import Foundation

/// Where `wardsim user …` reads a password: the first line of standard input, never the
/// command line (argv is visible to every user of the machine through `ps` and lands in
/// shell history).
///
/// On a terminal the line is read with echo turned off, after a prompt on stderr; from a
/// pipe (`printf '%s\n' "$PASSWORD" | wardsim user add …`) only the first line is read.
struct PasswordInput {
    let fileDescriptor: Int32
    /// Keeps a handed-in file handle (and so its descriptor) open while we read.
    private let handle: FileHandle?

    static var standardInput: PasswordInput { PasswordInput(fileDescriptor: STDIN_FILENO) }

    /// Reads from an open file handle (tests pass the read end of a pipe).
    init(handle: FileHandle) {
        self.handle = handle
        self.fileDescriptor = handle.fileDescriptor
    }

    init(fileDescriptor: Int32) {
        self.handle = nil
        self.fileDescriptor = fileDescriptor
    }

    /// The first line, without its line ending. Throws when input ends before any text.
    func readPassword(prompt: String) throws -> String {
        let terminal = isatty(fileDescriptor) == 1
        var saved = termios()
        if terminal {
            FileHandle.standardError.write(Data(prompt.utf8))
            tcgetattr(fileDescriptor, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fileDescriptor, TCSAFLUSH, &silent)
        }
        defer {
            if terminal {
                tcsetattr(fileDescriptor, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        // One byte at a time, so nothing after the first line is consumed.
        while read(fileDescriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else {
            throw CommandFailure("no password on standard input; pipe it in or type it at the prompt")
        }
        guard let password = String(bytes: bytes, encoding: .utf8) else {
            throw CommandFailure("the password on standard input is not UTF-8 text")
        }
        return password
    }
}
