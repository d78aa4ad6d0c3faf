/// The permission bits RocketMQ puts on a topic, a queue route and a broker (`common/…/constant/PermName.java`).
///
/// On the wire a permission is a plain integer (`"perm":6`); this type gives the bits names.
public struct PermName: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The raw integer, as it travels in JSON bodies and headers.
    public var rawValue: Int32

    /// Makes a permission from its raw integer.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// `PERM_INHERIT` (1, bit 0): used by the auto-create template topic TBW102.
    public static let inherit = PermName(rawValue: 1 << 0)
    /// `PERM_WRITE` (2, bit 1): producers may send to the queues.
    public static let write = PermName(rawValue: 1 << 1)
    /// `PERM_READ` (4, bit 2): consumers may pull from the queues.
    public static let read = PermName(rawValue: 1 << 2)
    /// `PERM_PRIORITY` (8, bit 3): not a valid topic permission; `isValid` rejects it.
    public static let priority = PermName(rawValue: 1 << 3)

    /// Whether the READ bit is set (Java `isReadable`).
    public var isReadable: Bool { contains(.read) }
    /// Whether the WRITE bit is set (Java `isWriteable`).
    public var isWritable: Bool { contains(.write) }
    /// Whether the INHERIT bit is set (Java `isInherited`).
    public var isInherited: Bool { contains(.inherit) }
    /// Whether the PRIORITY bit is set (Java `isPriority`).
    public var isPriority: Bool { contains(.priority) }
    /// Whether the value is a valid topic permission: `0 <= perm < 8` (Java `isValid`).
    public var isValid: Bool { rawValue >= 0 && rawValue < PermName.priority.rawValue }
    /// Whether clients can read or write (Java `isAccessible`).
    public var isAccessible: Bool { isReadable || isWritable }

    /// Three letters like Java's `perm2String`: `R`, `W` and `X` (inherit) or `-`, e.g. `RW-` for 6.
    public var description: String {
        (isReadable ? "R" : "-") + (isWritable ? "W" : "-") + (isInherited ? "X" : "-")
    }
}
