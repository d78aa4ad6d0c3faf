/// A `host:port` address from a configuration file or a command line (`[::1]:7900` for IPv6).
public struct HostPort: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address, without brackets.
    public var host: String
    /// The port, 0–65535 (0 = any free port when listening).
    public var port: Int

    /// Makes an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[v6]:port`; nil when the form or the port range is wrong.
    public init?(parsing text: String) {
        guard text.count <= 300, let colon = text.lastIndex(of: ":") else { return nil }
        var host = Substring(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        let portText = text[text.index(after: colon)...]
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }),
            portText.count <= 5, portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65_535).contains(port)
        else { return nil }
        self.init(host: String(host), port: port)
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String {
        self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
    }
}
