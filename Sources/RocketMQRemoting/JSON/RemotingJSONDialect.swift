/// Which of RocketMQ's two JSON spellings a writer produces.
public enum RemotingJSONDialect: Sendable, Hashable, CaseIterable {
    /// Standard JSON, as a 4.9.4+ NameServer answers clients that send `version >= 401` or
    /// `acceptStandardJsonOnly=true` (fastjson with `BrowserCompatible` and `QuoteFieldNames`): every key is a
    /// quoted string, so `{0:"a"}` becomes `{"0":"a"}` and an object key is written as its fastjson text
    /// inside a string. Strings also escape `/` and every character above U+007E as `\uXXXX` (what
    /// `BrowserCompatible` does; the captured bodies are ASCII without `/`, so that part is unverified).
    case standard
    /// fastjson's default output, which every RocketMQ version understands: string keys quoted, integer keys
    /// bare (`{0:"a"}`), object keys written as objects (`{{"brokerName":"b",…}:{…}}`). Strings escape only
    /// `"`, `\`, control characters, U+007F–U+009F and U+2028/U+2029.
    case fastjson
}
