import Testing
@testable import WardSimCore

@Suite("Examiner") struct ExaminerTests {
    @Test func authoredResultsOverrideDefaults() throws {
        let scenario = try TestContent.chestPain()
        let examiner = Examiner(scenario: scenario, defaults: try TestContent.orderableDefaults())
        let ecg = try examiner.order("ecg")
        #expect(!ecg.isDefault && ecg.item.needed && ecg.item.cost == 25)
        let lactate = try examiner.order("lactate")
        #expect(lactate.isDefault && !lactate.item.needed)
        #expect(throws: EncounterError.self) { try examiner.order("nope") }
    }

    @Test func menuListsEachItemOnceWithoutResults() throws {
        let scenario = try TestContent.chestPain()
        let defaults = try TestContent.orderableDefaults()
        let menu = Examiner(scenario: scenario, defaults: defaults).menu
        #expect(Set(menu.map(\.id)).count == menu.count)
        #expect(menu.first?.id == scenario.exam.first?.id)
        #expect(menu.contains { $0.id == "lactate" && $0.kind == .investigation })
        #expect(menu.count == Set(scenario.orderables.map(\.id)).union(defaults.items.map(\.id)).count)
    }

    @Test func defaultsDecodeFromTheShippedTable() throws {
        let defaults = try TestContent.orderableDefaults()
        #expect(defaults.items.count > 20)
        #expect(defaults.item("ecg")?.kind == .investigation)
        #expect(defaults.item("general-inspection")?.kind == .exam)
        #expect(OrderableDefaults(items: defaults.items) == defaults)
    }
}
