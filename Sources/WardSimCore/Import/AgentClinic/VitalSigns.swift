import Foundation

/// Vital signs from AgentClinic's free text ("36.6°C (97.9°F)", "125/80 mmHg", "72 bpm")
/// as chart entries with LOINC codes and UCUM units.
enum VitalSigns {
    /// The chart vitals that could be read, and the source entries that could not
    /// ("Within normal range") as "Name: text".
    static func read(_ members: [JSONMember]) -> (vitals: [Chart.Vital], unread: [String]) {
        var vitals: [Chart.Vital] = []
        var unread: [String] = []
        for member in members {
            let text = CaseText.flatten(member.value)
            let key = member.key.lowercased()
            let numbers = Self.numbers(in: text)
            var found: [Chart.Vital] = []
            if key.contains("temp") {
                if let celsius = celsius(in: text) {
                    found = [Chart.Vital(name: "Body temperature", loinc: "8310-5", value: celsius, unit: "Cel")]
                }
            } else if key.contains("blood_pressure") || key == "bp", let (systolic, diastolic) = pressure(in: text) {
                found = [
                    Chart.Vital(name: "Systolic blood pressure", loinc: "8480-6", value: systolic, unit: "mm[Hg]"),
                    Chart.Vital(name: "Diastolic blood pressure", loinc: "8462-4", value: diastolic, unit: "mm[Hg]"),
                ]
            } else if key.contains("heart_rate") || key.contains("pulse"), let rate = numbers.first {
                found = [Chart.Vital(name: "Heart rate", loinc: "8867-4", value: rate, unit: "/min")]
            } else if key.contains("respiratory"), let rate = numbers.first {
                found = [Chart.Vital(name: "Respiratory rate", loinc: "9279-1", value: rate, unit: "/min")]
            } else if key.contains("oxygen") || key.contains("spo2") || key.contains("saturation"),
                let value = numbers.first
            {
                found = [Chart.Vital(name: "Oxygen saturation", loinc: "59408-5", value: value, unit: "%")]
            } else if key.contains("weight"), text.lowercased().contains("kg"), let value = numbers.first {
                found = [Chart.Vital(name: "Body weight", loinc: "29463-7", value: value, unit: "kg")]
            }
            if found.isEmpty {
                unread.append("\(CaseText.label(fromKey: member.key)): \(text)")
            } else {
                // The same sign given twice (examination and "at presentation") is charted once.
                vitals += found.filter { vital in !vitals.contains { $0.loinc == vital.loinc } }
            }
        }
        return (vitals, unread)
    }

    /// Decimal numbers in `text`, in order ("36.6", "97.9").
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = []
        var current = ""
        for character in text + " " {
            if character.isNumber || (character == "." && !current.isEmpty && !current.contains(".")) {
                current.append(character)
            } else {
                if current.hasSuffix(".") { current.removeLast() }
                if !current.isEmpty { numbers.append(current) }
                current = ""
            }
        }
        return numbers
    }

    /// The Celsius value: a number followed by °C or C, else a Fahrenheit value converted.
    private static func celsius(in text: String) -> String? {
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "º", with: "°")
        for unit in ["°C", "C"] {
            let parts = compact.components(separatedBy: unit)
            if parts.count > 1, let value = numbers(in: parts[0]).last, let number = Double(value),
                (25...45).contains(number)
            {
                return value
            }
        }
        if let value = numbers(in: compact).first, let fahrenheit = Double(value), (80...115).contains(fahrenheit) {
            let celsius = ((fahrenheit - 32) * 5 / 9 * 10).rounded() / 10
            return String(celsius)
        }
        return nil
    }

    /// "125/80" anywhere in `text`.
    private static func pressure(in text: String) -> (String, String)? {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let systolic = numbers(in: String(parts[0])).last,
            let diastolic = numbers(in: String(parts[1])).first, !systolic.contains("."), !diastolic.contains(".")
        else { return nil }
        return (systolic, diastolic)
    }
}
