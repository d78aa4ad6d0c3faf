/// The response header of PULL_MESSAGE (`PullMessageResponseHeader.java`).
public struct PullMessageResponseHeader: Sendable, Hashable {
    /// Which broker id the consumer should pull from next (0: the master).
    public var suggestWhichBrokerId: Int64
    /// The offset to pull from next.
    public var nextBeginOffset: Int64
    /// The queue's min offset.
    public var minOffset: Int64
    /// The queue's max offset (the next offset to be written).
    public var maxOffset: Int64

    /// Creates a header.
    public init(suggestWhichBrokerId: Int64 = 0, nextBeginOffset: Int64, minOffset: Int64, maxOffset: Int64) {
        self.suggestWhichBrokerId = suggestWhichBrokerId
        self.nextBeginOffset = nextBeginOffset
        self.minOffset = minOffset
        self.maxOffset = maxOffset
    }

    /// Reads the response's ext fields.
    /// - Throws: ``RemotingError`` `missingField` when a field is absent or not a number.
    public init(extFields: RemotingExtFields?) throws(RemotingError) {
        let ext = extFields ?? RemotingExtFields()
        guard let next = ext["nextBeginOffset"].flatMap({ Int64($0) }),
            let min = ext["minOffset"].flatMap({ Int64($0) }), let max = ext["maxOffset"].flatMap({ Int64($0) })
        else {
            throw RemotingError(.missingField, "PullMessageResponseHeader needs nextBeginOffset, minOffset, maxOffset")
        }
        self.init(
            suggestWhichBrokerId: ext["suggestWhichBrokerId"].flatMap { Int64($0) } ?? 0, nextBeginOffset: next,
            minOffset: min, maxOffset: max)
    }

    /// The ext fields in the order a 4.9.8 broker writes them.
    public var extFields: RemotingExtFields {
        [
            "suggestWhichBrokerId": String(self.suggestWhichBrokerId), "nextBeginOffset": String(self.nextBeginOffset),
            "maxOffset": String(self.maxOffset), "minOffset": String(self.minOffset),
        ]
    }
}
