import Foundation
import Testing

@testable import HookRuntime

/// Property test of the `--samples` reader of `ferry hooks check`: mutated sample files never crash
/// it; every file either fails with an error or yields samples within the documented ranges.
///
/// A longer run by hand: `FERRY_FUZZ_ITERATIONS=200000 swift test --filter SampleFileFuzzTests`.
@Suite struct SampleFileFuzzTests {
    private static let seedFile = #"""
        {"map": [{"kind": "topic", "name": "a", "namespace": "n", "queues": 8, "perm": 6, "order": true, "cluster": "c"},
                 {"kind": "group", "name": "g", "queues": 0}],
         "health": [{"topic": "t", "stage": 3, "next_stage": 4, "facts": {"backlog": {"g": 5}, "write_tps": 1.5, "l": [1, "x", null]}}],
         "gate": [{"topic": "t", "stage": 2, "next_stage": 3, "time": 1767405600, "task": {"id": "x"}, "facts": {"cutting_over": 0}}]}
        """#

    /// Fragments a mutation splices in: extreme numbers, wrong types, deep nesting.
    private static let fragments = [
        "-1", "99999999999999999999", "1e400", "-0", "4.5", "null", "true", "\"\"", "[]", "{}", "\"stage\"",
        String(repeating: "[", count: 5000), String(repeating: "{\"a\":", count: 600), "\"\\ud800\"", ",", ":", "}", "]",
    ]

    private static func mutate(_ text: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
        var bytes = text
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1:
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
                bytes.removeSubrange(position..<end)
            case 2:
                let fragment = fragments[Int.random(in: 0..<fragments.count, using: &random)]
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            default:
                // Replace a number with an extreme one: digits are where the ranges matter.
                if let digit = bytes.indices.filter({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }).randomElement(using: &random) {
                    bytes.replaceSubrange(digit...digit, with: Array(fragments[Int.random(in: 0..<5, using: &random)].utf8))
                }
            }
        }
        return bytes
    }

    @Test func mutatedSampleFilesAreReadOrRefused() throws {
        var random = FuzzRandom(seed: FuzzRandom.seed)
        let seed = Array(Self.seedFile.utf8)
        let count = FuzzRandom.iterations(ci: 3000)
        var accepted = 0
        for _ in 0..<count {
            guard let samples = try? HookSamples.decode(Data(Self.mutate(seed, &random))) else { continue }
            accepted += 1
            for resource in samples.map {
                #expect((0...HookResource.maximumQueues).contains(resource.queues) && (0...15).contains(resource.perm))
            }
            for context in samples.health {
                #expect(HealthContext.stages.contains(context.stage) && HealthContext.stages.contains(context.nextStage))
            }
            for context in samples.gate {
                #expect(HealthContext.stages.contains(context.stage) && HealthContext.stages.contains(context.nextStage))
            }
        }
        print("samples file fuzz: \(count) inputs, \(accepted) accepted")
        #expect(accepted > 0)
    }

    @Test(arguments: [
        (#"{"map": [{"kind": "topic", "name": "a", "queues": -1}]}"#, "queues"),
        (#"{"map": [{"kind": "topic", "name": "a", "perm": 99}]}"#, "perm"),
        (#"{"health": [{"topic": "t", "stage": 7, "next_stage": 4}]}"#, "stage"),
        (#"{"gate": [{"topic": "t", "stage": 2, "next_stage": -3, "time": 0}]}"#, "next_stage"),
    ])
    func outOfRangeValuesNameTheirKeyPath(json: String, key: String) throws {
        let error = try #require(throws: DecodingError.self) { try HookSamples.decode(Data(json.utf8)) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(context.codingPath.last?.stringValue == key)
    }

    @Test func oversizedFilesAreRefusedBeforeDecoding() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "ferry-samples-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(count: HookSamples.maximumFileBytes + 1).write(to: url)
        #expect(throws: HookSamples.SampleFileError.self) { try HookSamples.load(from: url.path) }
    }
}
