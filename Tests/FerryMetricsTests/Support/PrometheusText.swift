/// A strict parser of the Prometheus text exposition format (0.0.4), enough to check a scrape: families with
/// their `# HELP` and `# TYPE`, samples with labels and values. Anything malformed throws with the line.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var name: String
        var help: String?
        var type: String?
        var samples: [Sample] = []
    }

    struct ParseError: Error, CustomStringConvertible {
        var line: String
        var reason: String
        var description: String { "\(reason): \(line)" }
    }

    /// Families by name, in order of first appearance.
    private(set) var families: [String: Family] = [:]
    private(set) var order: [String] = []

    init(parsing text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let rest = line.dropFirst(7)
                guard let space = rest.firstIndex(of: " ") else { throw ParseError(line: line, reason: "no text") }
                let name = String(rest[..<space])
                let text = String(rest[rest.index(after: space)...])
                guard Self.isMetricName(name) else { throw ParseError(line: line, reason: "invalid metric name") }
                var family = self.family(name)
                if line.hasPrefix("# HELP ") {
                    guard family.help == nil else { throw ParseError(line: line, reason: "second HELP") }
                    family.help = text
                } else {
                    guard family.type == nil, family.samples.isEmpty else {
                        throw ParseError(line: line, reason: "TYPE after samples or twice")
                    }
                    guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(text) else {
                        throw ParseError(line: line, reason: "unknown type")
                    }
                    family.type = text
                }
                self.families[name] = family
            } else if line.hasPrefix("#") {
                continue
            } else {
                let sample = try Self.sample(line)
                let name = self.familyName(of: sample.name)
                var family = self.family(name)
                family.samples.append(sample)
                self.families[name] = family
            }
        }
    }

    /// The value of the one sample of `name` with exactly `labels`, if any.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        self.families[self.familyName(of: name)]?.samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample of `name`.
    func samples(_ name: String) -> [Sample] {
        self.families[self.familyName(of: name)]?.samples.filter { $0.name == name } ?? []
    }

    private mutating func family(_ name: String) -> Family {
        if let family = self.families[name] { return family }
        self.order.append(name)
        return Family(name: name)
    }

    /// A histogram's `_bucket`, `_sum` and `_count` samples belong to the family their TYPE line names.
    private func familyName(of sample: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sample.hasSuffix(suffix) {
            let base = String(sample.dropLast(suffix.count))
            if self.families[base]?.type == "histogram" { return base }
        }
        return sample
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !isDigit(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" || $0 == ":" }
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with the reserved `__`.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !isDigit(first), !name.hasPrefix("__") else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || isDigit(scalar)
    }

    private static func sample(_ line: String) throws -> Sample {
        var rest = Substring(line)
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard isMetricName(name) else { throw ParseError(line: line, reason: "invalid metric name") }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw ParseError(line: line, reason: "label without =") }
                let label = String(rest[..<equals])
                guard isLabelName(label), labels[label] == nil else { throw ParseError(line: line, reason: "invalid label \(label)") }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw ParseError(line: line, reason: "unquoted label value") }
                rest = rest.dropFirst()
                var value = ""
                while true {
                    guard let character = rest.first else { throw ParseError(line: line, reason: "unterminated value") }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\\" {
                        guard let escaped = rest.first else { throw ParseError(line: line, reason: "dangling escape") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw ParseError(line: line, reason: "bad escape")
                        }
                    } else {
                        value.append(character)
                    }
                }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw ParseError(line: line, reason: "no value") }
        let fields = rest.dropFirst().split(separator: " ")
        guard (1...2).contains(fields.count), let value = Self.number(String(fields[0])) else {
            throw ParseError(line: line, reason: "invalid value")
        }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }
}
