internal import RocketMQRemoting

/// A table `ferry inspect` prints: aligned text columns like mqadmin's, or JSON data — an array of
/// objects keyed by each column's stable camelCase field name (RocketMQ's own, e.g. `readQueueNums`),
/// numbers as numbers and booleans as booleans.
public struct InspectTable: Sendable, Hashable {
    /// A column's name and type in the JSON output.
    public struct Field: Sendable, Hashable {
        /// The JSON value type of a column.
        public enum Kind: Sendable, Hashable {
            /// A string.
            case string
            /// An integer (a cell that is not one, such as `-`, becomes `null`).
            case integer
            /// A boolean (`true`/`false`; anything else becomes `null`).
            case boolean
            /// A topic permission shown as `RW-`: in JSON its `PermName` bits (read 4, write 2, inherit 1).
            case permission
        }

        /// The key in the JSON objects.
        public var name: String
        /// The value type.
        public var kind: Kind

        /// A string field.
        public static func string(_ name: String) -> Field { Field(name: name, kind: .string) }
        /// An integer field.
        public static func integer(_ name: String) -> Field { Field(name: name, kind: .integer) }
        /// A boolean field.
        public static func boolean(_ name: String) -> Field { Field(name: name, kind: .boolean) }
        /// A permission field.
        public static func permission(_ name: String) -> Field { Field(name: name, kind: .permission) }
    }

    /// Column headers for the text table, in order.
    public var columns: [String]
    /// The JSON field of each column, in the same order.
    public var fields: [Field]
    /// Rows of cells as displayed; each has one cell per column.
    public var rows: [[String]]
    /// Lines printed after the text table (totals, notes).
    public var footer: [String]

    /// Creates a table; `fields` gives each column's JSON name and type.
    public init(columns: [String], fields: [Field], rows: [[String]] = [], footer: [String] = []) {
        self.columns = columns
        self.fields = fields
        self.rows = rows
        self.footer = footer
    }

    /// The table as text: a `#Column` header row, then the rows, each column padded to its widest cell
    /// with two spaces between columns.
    public var text: String {
        let header = self.columns.map { "#" + $0 }
        let all = [header] + self.rows
        let widths = self.columns.indices.map { index in all.map { $0.indices.contains(index) ? $0[index].count : 0 }.max() ?? 0 }
        var lines = all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(to: widths[index])
            }.joined(separator: "  ")
        }
        lines += self.footer
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows as a standard JSON array of objects, keys in column order, values typed by their field.
    public var json: String {
        let objects: [RemotingJSON] = self.rows.map { row in
            .object(RemotingJSONObject(zip(self.fields, row).map { (RemotingJSON.string($0.name), $0.value(of: $1)) }))
        }
        return RemotingJSON.array(objects).text(dialect: .standard) + "\n"
    }
}

extension InspectTable.Field {
    fileprivate func value(of cell: String) -> RemotingJSON {
        switch self.kind {
        case .string: .string(cell)
        case .integer: Int64(cell).map(RemotingJSON.integer) ?? .null
        case .boolean: cell == "true" ? .bool(true) : cell == "false" ? .bool(false) : .null
        case .permission:
            .integer(zip(["R", "W", "X"], [4, 2, 1]).reduce(0) { cell.contains($1.0) ? $0 | Int64($1.1) : $0 })
        }
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self.count >= width ? self : self + String(repeating: " ", count: width - self.count)
    }
}
