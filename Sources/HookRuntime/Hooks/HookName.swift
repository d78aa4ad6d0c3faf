/// The hook points a script can define, each as a global function of that name.
public enum HookName: String, Sendable, Hashable, CaseIterable {
    /// `map(resource)`: rename, re-namespace, re-size or skip a topic or group.
    case map
    /// `health(ctx)`: a health policy run before a stage advances.
    case health
    /// `gate(ctx)`: allows or refuses a stage advance.
    case gate
}
