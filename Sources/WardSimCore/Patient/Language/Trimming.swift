extension StringProtocol {
    /// The text without leading and trailing characters for which `isTrimmed` holds.
    ///
    /// Swift-native: Foundation's `trimmingCharacters(in:)` bridges through `NSString`
    /// on Linux, which made it a visible share of every patient turn.
    func trimmed(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return String(self[first...last])
    }

    /// Without leading and trailing whitespace, line breaks included.
    var trimmedWhitespace: String { trimmed(where: \.isWhitespace) }

    /// Without leading and trailing spaces and tabs (line breaks kept).
    var trimmedSpaces: String { trimmed(where: { $0.isWhitespace && !$0.isNewline }) }
}
