import MigrationEngine
import Testing

@Suite struct TopicSelectorTests {
    @Test func namesAndGlobs() {
        #expect(TopicSelector("orders").matches("orders"))
        #expect(!TopicSelector("orders").matches("orders2"))
        #expect(TopicSelector("ord*").matches("orders"))
        #expect(TopicSelector("*").matches(""))
        #expect(TopicSelector("mro%*_created").matches("mro%order_created"))
        #expect(!TopicSelector("mro%*_created").matches("mro%order_created2"))
        #expect(TopicSelector("a?c").matches("abc"))
        #expect(!TopicSelector("a?c").matches("ac"))
        #expect(TopicSelector("*a*b*").matches("xxaxxbxx"))
        #expect(TopicSelector("ord*").isGlob)
        #expect(!TopicSelector("orders").isGlob)
    }

    @Test func hostilePatternsStayCheap() {
        let name = String(repeating: "a", count: 5_000)
        #expect(!TopicSelector(String(repeating: "*a", count: 200) + "b").matches(name))
    }

    @Test func selectKeepsTheListOrderAndReportsUnmatchedSelectors() {
        let (selected, unmatched) = TopicSelector.select(
            [TopicSelector("b*"), TopicSelector("a"), TopicSelector("nope*")], from: ["a", "b1", "c", "b2"])
        #expect(selected == ["a", "b1", "b2"])
        #expect(unmatched == [TopicSelector("nope*")])
    }
}
