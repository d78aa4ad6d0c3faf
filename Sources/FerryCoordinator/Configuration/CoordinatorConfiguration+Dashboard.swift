extension CoordinatorConfiguration {
    /// The dashboard's URL, or nil when none is configured. A wildcard listen host (`0.0.0.0`, `::`, empty) is
    /// replaced by `host` (the name operators reach the coordinator by), else by `127.0.0.1`.
    public func dashboardURL(reachedAt host: String?) -> String? {
        guard let dashboard = self.dashboard, var address = HostPort(parsing: dashboard.listen) else { return nil }
        if ["0.0.0.0", "::", "*"].contains(address.host) { address.host = host ?? "127.0.0.1" }
        return "http://\(address)/"
    }
}
