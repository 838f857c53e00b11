import Testing

@testable import WardSimLLM

@Suite("ServerSentEventParser")
struct ServerSentEventParserTests {
    /// Parses `text` in one go and at the end.
    private func parse(_ text: String) -> [ServerSentEvent] {
        parse(Array(text.utf8), splits: [])
    }

    /// Parses `bytes` split at the given offsets.
    private func parse(_ bytes: [UInt8], splits: [Int]) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        for split in splits + [bytes.count] {
            events += parser.push(bytes[start..<split])
            start = split
        }
        return events + parser.finish()
    }

    @Test func oneEventPerBlankLine() {
        let events = parse("data: one\n\ndata: two\n\n")
        #expect(events.map(\.data) == ["one", "two"])
        #expect(events.allSatisfy { $0.event == nil })
    }

    @Test func multiLineDataJoinsWithNewlines() {
        #expect(parse("data: first\ndata: second\ndata:\n\n").map(\.data) == ["first\nsecond\n"])
    }

    @Test func commentsAreIgnored() {
        #expect(parse(": keep-alive\n\n:another\ndata: x\n\n").map(\.data) == ["x"])
    }

    @Test func crlfCrAndLfAreTheSame() {
        let lf = parse("event: a\ndata: 1\n\ndata: 2\n\n")
        #expect(parse("event: a\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n") == lf)
        #expect(parse("event: a\rdata: 1\r\rdata: 2\r\r") == lf)
        #expect(lf.map(\.event) == ["a", nil])
    }

    @Test func onlyOneLeadingSpaceIsDropped() {
        #expect(parse("data:no space\n\ndata:  two spaces\n\n").map(\.data) == ["no space", " two spaces"])
    }

    @Test func idPersistsAndRetryIsRead() {
        let events = parse("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nretry: soon\ndata: c\n\n")
        #expect(events.map(\.id) == ["7", "7", "7"])
        #expect(events.map(\.retry) == [1500, nil, nil])
    }

    @Test func eventsWithoutDataAreNotDispatched() {
        #expect(parse("event: ping\n\nid: 3\n\n\n\ndata: real\n\n").map(\.data) == ["real"])
    }

    @Test func aFieldWithoutColonIsAFieldName() {
        // "data" alone is a data field with an empty value.
        #expect(parse("data\n\n").map(\.data) == [""])
        #expect(parse("nonsense line\n\n").isEmpty)
    }

    @Test func unknownFieldsAreIgnored() {
        #expect(parse("foo: bar\ndata: x\nbaz\n\n").map(\.data) == ["x"])
    }

    @Test func leadingByteOrderMarkIsSkipped() {
        #expect(parse("\u{FEFF}data: x\n\n").map(\.data) == ["x"])
    }

    @Test func llamaCppErrorLineBecomesAnErrorEvent() {
        let events = parse("error: {\"code\":500,\"message\":\"boom\"}\n\n")
        #expect(events == [ServerSentEvent(event: "error", data: "{\"code\":500,\"message\":\"boom\"}")])
    }

    @Test func finishDeliversAnUnterminatedLastEvent() {
        #expect(parse("data: a\n\ndata: [DONE]").map(\.data) == ["a", "[DONE]"])
        #expect(parse("data: [DONE]\n").map(\.data) == ["[DONE]"])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let events = parse(Array("data: a".utf8) + [0xFF, 0xFE] + Array("b\n\n".utf8), splits: [])
        #expect(events.map(\.data) == ["a\u{FFFD}\u{FFFD}b"])
    }

    /// A body with every awkward feature, split in two at every byte offset (inside
    /// CRLFs, inside multi-byte characters, inside field names), must parse the same.
    static let awkwardBody: [UInt8] = Array(
        ("\u{FEFF}: comment\r\nevent: greeting\r\ndata: {\"content\":\"Grüß dich — 痛い 🤒\"}\r\n\r\n"
            + "id: 42\ndata: line one\ndata: line two ✓\n\n"
            + "data: café\r\rdata:[DONE]\n\n").utf8)

    @Test func splittingAtEveryOffsetGivesTheSameEvents() {
        let whole = parse(Self.awkwardBody, splits: [])
        #expect(whole.count == 4)
        #expect(whole[0] == ServerSentEvent(event: "greeting", data: "{\"content\":\"Grüß dich — 痛い 🤒\"}"))
        #expect(whole[1] == ServerSentEvent(data: "line one\nline two ✓", id: "42"))
        #expect(whole[2].data == "café")
        #expect(whole[3].data == "[DONE]")
        for offset in 0...Self.awkwardBody.count {
            #expect(parse(Self.awkwardBody, splits: [offset]) == whole, "split at \(offset)")
        }
    }

    @Test func splittingAtEveryPairOfOffsetsGivesTheSameEvents() {
        // A shorter body, so that the square of its length stays cheap on two cores.
        let body = Array("\u{FEFF}:c\r\nevent: e\r\ndata: Grüß 🤒\r\ndata:x\r\r\nid: 1\ndata: 痛い\r\n\n".utf8)
        let whole = parse(body, splits: [])
        #expect(whole == [ServerSentEvent(event: "e", data: "Grüß 🤒\nx"), ServerSentEvent(data: "痛い", id: "1")])
        let count = body.count
        for first in 0...count {
            for second in first...count {
                let events = parse(body, splits: [first, second])
                if events != whole {
                    Issue.record("split at \(first) and \(second)")
                    return
                }
            }
        }
    }

    @Test func oneByteAtATimeGivesTheSameEvents() {
        let whole = parse(Self.awkwardBody, splits: [])
        #expect(parse(Self.awkwardBody, splits: Array(1..<Self.awkwardBody.count)) == whole)
    }

    @Test func nonContiguousInputGivesTheSameEvents() {
        var parser = ServerSentEventParser()
        let lazy = Self.awkwardBody.lazy.map { $0 }  // a Sequence without contiguous storage
        #expect(parser.push(lazy) + parser.finish() == parse(Self.awkwardBody, splits: []))
    }

    @Test func countsBytesAndEvents() {
        var parser = ServerSentEventParser()
        _ = parser.push(Array("garbage without events\n".utf8))
        #expect(parser.eventsDispatched == 0)
        #expect(parser.bytesConsumed == 23)
        _ = parser.push(Array("data: x\n\n".utf8))
        #expect(parser.eventsDispatched == 1)
    }
}
