/// One xAPI statement, ready to send: its id and its JSON text.
struct XAPIStatement: Equatable {
    /// Lower-case UUID, deterministic (see `XAPIIdentifiers`).
    var id: String
    var json: JSONObjectText

    var text: String { json.text }

    static func == (lhs: XAPIStatement, rhs: XAPIStatement) -> Bool { lhs.id == rhs.id && lhs.text == rhs.text }
}
