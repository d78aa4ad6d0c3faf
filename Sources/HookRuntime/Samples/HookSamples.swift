import Foundation

/// Inputs `ferry hooks check` runs the hooks on.
///
/// As JSON (`--samples FILE`): `{"map": [resource…], "health": [context…], "gate": [context…]}`, each
/// element in the shape its hook receives in Lua (see ``HookResource``, ``HealthContext``,
/// ``GateContext``). A missing list takes the built-in samples for that hook.
public struct HookSamples: Sendable, Hashable, Decodable {
    /// Resources for `map`.
    public var map: [HookResource]
    /// Contexts for `health`.
    public var health: [HealthContext]
    /// Contexts for `gate`.
    public var gate: [GateContext]

    /// Creates a sample set.
    public init(map: [HookResource], health: [HealthContext], gate: [GateContext]) {
        self.map = map
        self.health = health
        self.gate = gate
    }

    private enum CodingKeys: String, CodingKey {
        case map, health, gate
    }

    /// Decodes the JSON shape above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            map: try container.decodeIfPresent([HookResource].self, forKey: .map) ?? Self.builtIn.map,
            health: try container.decodeIfPresent([HealthContext].self, forKey: .health) ?? Self.builtIn.health,
            gate: try container.decodeIfPresent([GateContext].self, forKey: .gate) ?? Self.builtIn.gate
        )
    }

    /// The largest sample file read (samples are a handful of resources and contexts).
    public static let maximumFileBytes = 16 << 20

    /// Reads a JSON sample file (at most ``maximumFileBytes``).
    public static func load(from path: String) throws -> HookSamples {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        guard data.count <= maximumFileBytes else { throw SampleFileError.tooLarge(limit: maximumFileBytes) }
        return try decode(data)
    }

    /// Decodes the JSON shape above; every range is checked and a problem names its key path.
    static func decode(_ data: Data) throws -> HookSamples {
        try JSONDecoder().decode(HookSamples.self, from: data)
    }

    /// A sample file Ferry refuses before decoding it.
    public enum SampleFileError: Error, CustomStringConvertible {
        /// The file is larger than the limit (bytes).
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .tooLarge(let limit): "the samples file is larger than \(limit) bytes"
            }
        }
    }

    /// Everyday inputs: business topics and groups, an ordered topic, a test topic, a retry topic; a
    /// drained and a backlogged topic; a step inside and outside a Saturday maintenance window.
    public static let builtIn = HookSamples(
        map: [
            HookResource(kind: .topic, name: "mro_order_created", queues: 8, cluster: "DefaultCluster"),
            HookResource(kind: .topic, name: "pay_refund_done", queues: 64, cluster: "DefaultCluster"),
            HookResource(kind: .topic, name: "mro_order_sequence", queues: 4, order: true, cluster: "DefaultCluster"),
            HookResource(kind: .topic, name: "test_load_probe", queues: 2, cluster: "DefaultCluster"),
            HookResource(kind: .topic, name: "%RETRY%GID_mro_billing", queues: 1, cluster: "DefaultCluster"),
            HookResource(kind: .group, name: "GID_mro_billing", queues: 0, cluster: "DefaultCluster"),
        ],
        health: [
            HealthContext(
                topic: "mro_order_created", stage: 3, nextStage: 4, backlog: ["GID_mro_billing": 0],
                clients: ["source": 0, "target": 4], writeTPS: 0, lastWriteTime: 1_767_225_600
            ),
            HealthContext(
                topic: "pay_refund_done", stage: 3, nextStage: 4, backlog: ["GID_pay_ledger": 125_000],
                clients: ["source": 2, "target": 2], writeTPS: 850.5, lastWriteTime: 1_767_225_600
            ),
        ],
        gate: [
            // 2026-01-03 is a Saturday: 10:00 UTC is outside the example window, 02:00 inside.
            GateContext(
                topic: "mro_order_created", stage: 2, nextStage: 3, time: 1_767_434_400, taskID: "task-1",
                cuttingOver: 0, maxCuttingOver: 2
            ),
            GateContext(
                topic: "mro_order_created", stage: 2, nextStage: 3, time: 1_767_405_600, taskID: "task-1",
                cuttingOver: 0, maxCuttingOver: 2
            ),
            GateContext(
                topic: "pay_refund_done", stage: 2, nextStage: 3, time: 1_767_405_600, taskID: "task-1",
                cuttingOver: 2, maxCuttingOver: 2
            ),
        ]
    )
}
