import FerryCoordinator
import Foundation

/// The web dashboard the demo serves beside its in-process coordinator, for one operator (`demo`).
enum DemoDashboard {
    /// The operator name the demo's token logs in as (the audit's "who" of every action on the page).
    static let operatorName = "demo"

    /// The coordinator's dashboard section: `listen`, and the token given or a fresh random one.
    /// - Returns: the section, and the token when it was generated here (the demo prints it; a given one is not
    ///   printed).
    static func section(listen: String, token given: String?) -> (section: CoordinatorConfiguration.Dashboard, generated: String?) {
        let generated = given == nil ? Self.randomToken() : nil
        let token = given ?? generated ?? ""
        return (CoordinatorConfiguration.Dashboard(listen: listen, operatorTokens: [Self.operatorName: token]), generated)
    }

    /// The URL operators open: the listen host (127.0.0.1 for a wildcard one) and the bound port.
    static func url(listen: String, port: Int) -> String {
        var address = HostPort(parsing: listen) ?? HostPort(host: "127.0.0.1", port: port)
        if ["0.0.0.0", "::", "*"].contains(address.host) { address.host = "127.0.0.1" }
        address.port = port
        return "http://\(address)/"
    }

    /// 32 random hex characters.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
