extension Duration {
    /// The duration in seconds, as a `Double` for rates.
    var inSeconds: Double {
        Double(self.components.seconds) + Double(self.components.attoseconds) / 1e18
    }
}
