/// Byte tests for the ASCII fast paths of text matching (nearly all scenario and trainee
/// text is ASCII, and going through `Character` and Foundation for it was measurably slow).
enum ASCIIByte {
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// `byte` with an uppercase ASCII letter made lowercase; anything else unchanged.
    static func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}
