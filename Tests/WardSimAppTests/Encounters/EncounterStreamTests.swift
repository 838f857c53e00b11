import Foundation
import Testing

@testable import WardSimApp

/// `POST /api/encounters/{id}/messages/stream`: the reply as `token` events, then one
/// `done` event carrying what the JSON endpoint would return, with the turn recorded
/// before `done` is sent.
@Suite("Streaming replies")
struct EncounterStreamTests {
    @Test func streamsTokensThenDoneAndRecordsTheTurn() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("streamer", role: .trainee)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: trainee)
        #expect(try await encounter.ask("Hello, what brings you in today?").status == 200)
        #expect(try await encounter.saveDraft("question", "When did it start? Does it go anywh").status == 204)

        let reply = try await encounter.askStreaming("When did it start? Does it go anywhere?")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        let events = ServerSentEvent.parse(reply.text)
        let tokens = events.filter { $0.event == "token" }
        #expect(tokens.count >= 2, "\(reply.text)")
        #expect(events.last?.event == "done")
        #expect(events.filter { $0.event == "done" }.count == 1)
        #expect(!events.contains { $0.event == "error" })
        #expect(events.dropLast().allSatisfy { $0.event == "token" })

        let done = try #require(events.last).json
        #expect(done["turn"] as? Int == 2)
        #expect(done["voice"] as? String == "scripted")
        #expect(done["fellBack"] as? Bool == false)
        #expect(tokens.map(\.data).joined() == done["reply"] as? String)
        #expect(Set(done["facts"] as? [String] ?? []) == ["pain-onset", "pain-radiation"])

        // Recorded exactly as streamed; the question draft is cleared.
        let view = try await encounter.view()
        let turn = try #require(view.objects("transcript").last)
        #expect(view.objects("transcript").count == 2)
        #expect(turn["turn"] as? Int == 2)
        #expect(turn["reply"] as? String == done["reply"] as? String)
        #expect(turn["facts"] as? [String] == done["facts"] as? [String])
        #expect(turn["question"] as? String == "When did it start? Does it go anywhere?")
        #expect((view.json["drafts"] as? [String: String])?["question"] == nil)
    }

    @Test func theJSONAndStreamingEndpointsAgree() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("twins", role: .trainee)
        let (first, _) = try await EncounterClient.start("thunderclap-headache-sah", as: trainee)
        let (second, _) = try await EncounterClient.start("thunderclap-headache-sah", as: trainee)
        for question in ["How did the headache start?", "Any neck stiffness?", "Do you take any medicines?"] {
            let plain = try await first.ask(question)
            let streamed = ServerSentEvent.parse(try await second.askStreaming(question).text)
            let done = try #require(streamed.last?.json)
            #expect(done["reply"] as? String == plain.json["reply"] as? String)
            #expect(done["facts"] as? [String] == plain.json["facts"] as? [String])
            #expect(done["turn"] as? Int == plain.json["turn"] as? Int)
        }
    }

    @Test func refusalsComeBeforeTheStreamAsJSONErrors() async throws {
        let app = try TestApp()
        let trainee = try await app.signedInClient("refused", role: .trainee)
        let (encounter, _) = try await EncounterClient.start("chest-pain-inferior-stemi", as: trainee)
        let empty = try await encounter.askStreaming("   ")
        #expect(empty.status == 422)
        #expect(empty.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(empty.errorPaths == ["text"])
        #expect(try await encounter.commitDiagnosis("STEMI", plan: "PCI").status == 200)
        let late = try await encounter.askStreaming("Any allergies?")
        #expect(late.status == 409)
        #expect(late.errorMessage?.contains("after committing a diagnosis") == true)
        #expect(try await encounter.view().objects("transcript").isEmpty)
    }
}
