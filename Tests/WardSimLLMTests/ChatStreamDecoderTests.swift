import Foundation
import Testing

@testable import WardSimLLM

@Suite("ChatStreamDecoder")
struct ChatStreamDecoderTests {
    /// Decodes `chunks` and returns the events and the error, if any.
    private func decode(_ chunks: [String], contentType: String? = "text/event-stream") -> (
        [ChatStreamEvent], LLMError?
    ) {
        var decoder = ChatStreamDecoder(contentType: contentType, upstream: "test:1")
        var events: [ChatStreamEvent] = []
        do {
            for chunk in chunks {
                try decoder.push(Data(chunk.utf8)) { events.append($0) }
                if decoder.isDone { break }
            }
            try decoder.finish { events.append($0) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    @Test func nothingAfterDoneIsRead() {
        let (events, error) = decode([
            "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: [DONE]\n\n",
            "data: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\n\n", "garbage",
        ])
        #expect(events == [.text("a")])
        #expect(error == nil)
    }

    @Test func anErrorStringIsAnUpstreamError() {
        let (_, error) = decode(["data: {\"error\":\"model not found\"}\n\n"])
        #expect(error?.kind == .upstream)
        #expect(error?.message == "model not found")
    }

    @Test func leadingWhitespaceBeforeJSONIsSniffed() {
        let (events, error) = decode(
            ["\n  ", "\n{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"],
            contentType: nil)
        #expect(error == nil)
        #expect(events == [.text("ok"), .finish(.stop)])
    }

    @Test func jsonWithoutChoicesIsMalformed() {
        let (_, error) = decode(["{\"object\":\"list\",\"data\":[]}"], contentType: "application/json")
        #expect(error?.kind == .malformedStream)
    }

    @Test func commentsOnlyIsNotAReply() {
        let (_, error) = decode([": ping\n\n: ping\n\n"])
        #expect(error?.kind == .malformedStream)
    }

    @Test func messagesAreExcerptedAndClean() {
        let long = String(repeating: "é", count: 500) + "\u{7}"
        #expect(ChatStreamDecoder.excerpt(long).count == 201)
        #expect(!ChatStreamDecoder.excerpt("a\u{7}b\nc").contains("\n"))
    }

    @Test func usageCanArriveWithTheFinishChunk() {
        let (events, _) = decode([
            #"data: {"choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":64}}"#
                + "\n\n"
        ])
        #expect(events == [.finish(.length), .usage(ChatUsage(promptTokens: 5, completionTokens: 64))])
    }
}
