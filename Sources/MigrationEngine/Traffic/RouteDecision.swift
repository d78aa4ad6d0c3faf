/// What the routing proxy does with a route query for one topic.
public enum RouteDecision: Sendable, Equatable {
    /// The topic is in no task: answer from the source as it is.
    case passThrough
    /// The topic (or the retry topic of a task's group) is migrating: answer
    /// ``RouteRewriter/clientRoute(source:target:stage:ordered:)`` at `stage`.
    case rewrite(stage: MigrationStage, ordered: Bool)
}
