import Testing

@testable import WardSimCore

@Suite("Vital signs") struct VitalSignsTests {
    @Test func readsNumbersIntoLOINCCodedVitals() throws {
        let source = try JSONParser.parse(
            #"{"Temperature": "102°F (38.9°C)", "Blood_Pressure": "125/80 mmHg", "Heart_Rate": "72 bpm", "#
                + #""Respiratory_Rate": "16 breaths/min", "Oxygen_Saturation": "98% on room air", "Pulse": "Normal for age"}"#
        )
        let (vitals, unread) = VitalSigns.read(try #require(source.members))
        #expect(
            vitals.map { "\($0.loinc) \($0.value) \($0.unit)" } == [
                "8310-5 38.9 Cel", "8480-6 125 mm[Hg]", "8462-4 80 mm[Hg]", "8867-4 72 /min", "9279-1 16 /min",
                "59408-5 98 %",
            ])
        #expect(unread == ["Pulse: Normal for age"])
    }

    @Test func convertsFahrenheitWhenNoCelsiusIsGiven() throws {
        let source = try JSONParser.parse(#"{"Temperature": "101.3°F"}"#)
        #expect(VitalSigns.read(try #require(source.members)).vitals.first?.value == "38.5")
    }
}
