extension String {
    /// Java's `String.hashCode()` (31-polynomial over UTF-16 code units, wrapping `Int32`): the tags code the
    /// broker stores in its consume queue and filters pulls by (`SubscriptionData.codeSet`).
    public var javaHashCode: Int32 {
        var hash: Int32 = 0
        for unit in self.utf16 { hash = hash &* 31 &+ Int32(unit) }
        return hash
    }
}
