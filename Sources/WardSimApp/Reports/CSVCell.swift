/// One CSV field before formatting.
///
/// Numbers and booleans are written by WardSim itself and are never formula-guarded
/// (a guard would turn `-0.5` into text); only `text`, which may come from users, is.
enum CSVCell: Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case empty

    /// `text`, or empty for nil.
    static func text(_ value: String?) -> CSVCell { value.map(CSVCell.text) ?? .empty }
    /// `number`, or empty for nil or a non-finite value.
    static func number(_ value: Double?) -> CSVCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value)
    }
    /// `bool`, or empty for nil.
    static func bool(_ value: Bool?) -> CSVCell { value.map(CSVCell.bool) ?? .empty }
}
