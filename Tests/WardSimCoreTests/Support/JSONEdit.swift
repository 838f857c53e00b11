import Foundation

/// Edits a `JSONSerialization` object by path, so a test can break one field of a valid
/// sample in one line: `JSONEdit.set(&scenario, "facts[3].answer", nil)`.
enum JSONEdit {
    private enum Step {
        case key(String)
        case index(Int)
    }

    /// Sets (or with nil, removes) the value at `path` (`a.b[2].c`).
    static func set(_ object: inout [String: Any], _ path: String, _ value: Any?) {
        var root: Any = object
        set(&root, steps(path)[...], value)
        object = root as! [String: Any]
    }

    /// Appends `value` to the array at `path`.
    static func append(_ object: inout [String: Any], _ path: String, _ value: Any) {
        var array = get(object, path) as! [Any]
        array.append(value)
        set(&object, path, array)
    }

    static func get(_ object: Any, _ path: String) -> Any? {
        var current: Any? = object
        for step in steps(path) {
            switch step {
            case .key(let key): current = (current as? [String: Any])?[key]
            case .index(let index): current = (current as? [Any]).flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return current
    }

    private static func set(_ node: inout Any, _ steps: ArraySlice<Step>, _ value: Any?) {
        guard let step = steps.first else { return }
        let rest = steps.dropFirst()
        switch step {
        case .key(let key):
            var dictionary = node as! [String: Any]
            if rest.isEmpty {
                dictionary[key] = value
            } else {
                var child = dictionary[key]!
                set(&child, rest, value)
                dictionary[key] = child
            }
            node = dictionary
        case .index(let index):
            var array = node as! [Any]
            if rest.isEmpty {
                if let value { array[index] = value } else { array.remove(at: index) }
            } else {
                set(&array[index], rest, value)
            }
            node = array
        }
    }

    private static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map { .index($0) }
        }
        return steps
    }
}
