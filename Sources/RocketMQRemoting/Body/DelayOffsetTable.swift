/// The delivery progress of delayed messages on a broker: the body of GET_ALL_DELAY_OFFSET (45)
/// (`store/…/schedule/ScheduleMessageService.encode()`, a `DelayOffsetSerializeWrapper`).
///
/// delay level (1-based) → the next `SCHEDULE_TOPIC_XXXX` queue offset (queue `level - 1`) to deliver.
/// fastjson writes the `Integer` keys unquoted: `{"offsetTable":{1:12,3:0}}`. Levels never written are absent.
public struct DelayOffsetTable: RemotingJSONBody, Hashable {
    /// Delay level → next offset to deliver, in the broker's order.
    public var offsetTable: OrderedMap<Int32, Int64>

    /// Makes a table.
    public init(offsetTable: OrderedMap<Int32, Int64> = [:]) {
        self.offsetTable = offsetTable
    }

    /// Reads the table in either dialect; other fields (5.x `dataVersion`) are ignored.
    public init(json: RemotingJSON) throws(RemotingError) {
        let reader = try BodyReader(json, as: "DelayOffsetTable")
        self.offsetTable = try reader.map("offsetTable", key: BodyKey.integer) { v throws(RemotingError) in try v.int64() } ?? [:]
    }

    /// The JSON fastjson writes.
    public var json: RemotingJSON {
        var writer = BodyWriter()
        writer.set("offsetTable", BodyWriter.map(offsetTable, key: { .integer(Int64($0)) }, value: { .integer($0) }))
        return writer.json
    }
}
