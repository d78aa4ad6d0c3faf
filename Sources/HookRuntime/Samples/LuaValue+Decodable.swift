extension LuaValue: Decodable {
    /// Decodes JSON: `null`, booleans, integers (as ``integer(_:)``), other numbers (as
    /// ``number(_:)``), strings, arrays and objects (as ``table(_:)`` with string keys).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .nil
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([LuaValue].self) {
            self = .array(array)
        } else {
            self = .fields(try container.decode([String: LuaValue].self))
        }
    }
}
