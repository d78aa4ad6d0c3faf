internal import RocketMQRemoting

/// A table `ferry inspect` prints: aligned text columns like mqadmin's, or JSON (an array of objects
/// keyed by column name, values as strings).
public struct InspectTable: Sendable, Hashable {
    /// Column names, in order.
    public var columns: [String]
    /// Rows of cells; each has one cell per column.
    public var rows: [[String]]
    /// Lines printed after the table (totals, notes).
    public var footer: [String]

    /// Creates a table.
    public init(columns: [String], rows: [[String]] = [], footer: [String] = []) {
        self.columns = columns
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

    /// The rows as a standard JSON array of objects, keys in column order.
    public var json: String {
        let objects: [RemotingJSON] = self.rows.map { row in
            .object(RemotingJSONObject(zip(self.columns, row).map { (RemotingJSON.string($0), RemotingJSON.string($1)) }))
        }
        return RemotingJSON.array(objects).text(dialect: .standard) + "\n"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self.count >= width ? self : self + String(repeating: " ", count: width - self.count)
    }
}
