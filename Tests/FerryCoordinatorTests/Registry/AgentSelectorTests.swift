import ControlProtocol
import FerryCoordinator
import Testing

@Suite struct AgentSelectorTests {
    private static let labels = ["env": "prod", "region": "hz"]

    @Test func emptyFieldsSelectEveryAgent() {
        #expect(AgentSelector().matches(agentId: "a", labels: [:], cluster: "x"))
        #expect(AgentSelector(ids: [], labels: [:], clusters: []).matches(agentId: "a", labels: [:], cluster: "x"))
    }

    @Test func everyGivenFieldMustMatch() {
        let selector = AgentSelector(ids: ["a", "b"], labels: ["env": "prod"], clusters: ["hz"])
        #expect(selector.matches(agentId: "a", labels: Self.labels, cluster: "hz"))
        #expect(!selector.matches(agentId: "c", labels: Self.labels, cluster: "hz"))
        #expect(!selector.matches(agentId: "a", labels: ["env": "test"], cluster: "hz"))
        #expect(!selector.matches(agentId: "a", labels: [:], cluster: "hz"))
        #expect(!selector.matches(agentId: "a", labels: Self.labels, cluster: "sh"))
    }

    @Test func everyLabelMustBeCarriedWithItsValue() {
        let selector = AgentSelector(labels: ["env": "prod", "region": "hz"])
        #expect(selector.matches(agentId: "a", labels: Self.labels.merging(["tier": "1"]) { $1 }, cluster: ""))
        #expect(!selector.matches(agentId: "a", labels: ["env": "prod"], cluster: ""))
    }

    @Test func optionsBuildTheSelector() throws {
        #expect(try AgentSelector.fromOptions(agents: [], labels: [], clusters: []) == nil)
        let selector = try AgentSelector.fromOptions(agents: ["hz-1"], labels: ["env=prod", "note=a=b"], clusters: ["hz"])
        #expect(selector == AgentSelector(ids: ["hz-1"], labels: ["env": "prod", "note": "a=b"], clusters: ["hz"]))
        #expect(try AgentSelector.fromOptions(agents: [], labels: ["empty="], clusters: [])?.labels == ["empty": ""])
    }

    @Test(arguments: [
        ([String](), ["noequals"]), ([], ["=v"]), ([], ["k=1", "k=2"]), (["bad id"], []), ([String(repeating: "a", count: 65)], []),
    ])
    func badOptionsAreRefused(agents: [String], labels: [String]) {
        #expect(throws: CoordinatorConfigurationError.self) {
            try AgentSelector.fromOptions(agents: agents, labels: labels, clusters: [])
        }
    }
}
