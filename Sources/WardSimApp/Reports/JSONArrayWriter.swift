/// Writes a JSON array of objects to a `ChunkedOutput` one element at a time, so the
/// array is never held whole.
///
/// ```swift
/// var array = JSONArrayWriter(output: output)
/// try array.append(object)   // [\n{…}
/// try array.finish()         // \n]\n
/// ```
struct JSONArrayWriter {
    private let output: ChunkedOutput
    private var count = 0

    init(output: ChunkedOutput) { self.output = output }

    mutating func append(_ object: JSONObjectText) throws {
        try output.write((count == 0 ? "[\n" : ",\n") + object.text)
        count += 1
    }

    /// Closes the array (an empty one when nothing was appended).
    mutating func finish() throws {
        try output.write(count == 0 ? "[]\n" : "\n]\n")
    }
}
