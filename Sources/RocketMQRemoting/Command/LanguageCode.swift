/// The client language of a RemotingCommand (`LanguageCode.java`): a name in JSON headers, a byte in
/// binary ones.
///
/// Unknown values are preserved: an unknown byte keeps its byte (and is named `UNKNOWN_<byte>`), an
/// unknown name keeps its name (and travels as ``other``'s byte in a binary header).
public struct LanguageCode: Hashable, Sendable, CustomStringConvertible {
    /// The byte in a binary (`ROCKETMQ`) header.
    public var code: UInt8
    /// The enum name in a JSON header, e.g. `"JAVA"`.
    public var name: String

    /// The language for a binary-header byte; unknown bytes are kept.
    public init(code: UInt8) {
        self.code = code
        self.name = code < Self.knownNames.count ? Self.knownNames[Int(code)] : "UNKNOWN_\(code)"
    }

    /// The language for a JSON-header name; unknown names are kept, with the byte of ``other``.
    public init(name: String) {
        self.name = name
        if let index = Self.knownNames.firstIndex(of: name) {
            self.code = UInt8(index)
        } else {
            self.code = 7
        }
    }

    /// True for the languages RocketMQ defines (bytes 0 to 13).
    public var isKnown: Bool {
        Int(self.code) < Self.knownNames.count && Self.knownNames[Int(self.code)] == self.name
    }

    /// The name, as Java writes it.
    public var description: String { self.name }

    /// Names by byte, 0 to 13 (RUST and NODE_JS are 5.x additions).
    private static let knownNames = [
        "JAVA", "CPP", "DOTNET", "PYTHON", "DELPHI", "ERLANG", "RUBY", "OTHER", "HTTP", "GO", "PHP", "OMS",
        "RUST", "NODE_JS",
    ]

    /// `JAVA` (0), what every Apache client and server sends.
    public static let java = LanguageCode(code: 0)
    /// `CPP` (1).
    public static let cpp = LanguageCode(code: 1)
    /// `DOTNET` (2).
    public static let dotnet = LanguageCode(code: 2)
    /// `PYTHON` (3).
    public static let python = LanguageCode(code: 3)
    /// `DELPHI` (4).
    public static let delphi = LanguageCode(code: 4)
    /// `ERLANG` (5).
    public static let erlang = LanguageCode(code: 5)
    /// `RUBY` (6).
    public static let ruby = LanguageCode(code: 6)
    /// `OTHER` (7).
    public static let other = LanguageCode(code: 7)
    /// `HTTP` (8).
    public static let http = LanguageCode(code: 8)
    /// `GO` (9).
    public static let go = LanguageCode(code: 9)
    /// `PHP` (10).
    public static let php = LanguageCode(code: 10)
    /// `OMS` (11).
    public static let oms = LanguageCode(code: 11)
    /// `RUST` (12), RocketMQ 5.x.
    public static let rust = LanguageCode(code: 12)
    /// `NODE_JS` (13), RocketMQ 5.x.
    public static let nodeJS = LanguageCode(code: 13)
}
