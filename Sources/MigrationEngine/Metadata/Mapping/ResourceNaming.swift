/// RocketMQ's namespace encoding (`NamespaceUtil`): a resource `name` in namespace `ns` is called
/// `ns%name`; a name without `%` is in the namespace `default`.
public enum ResourceNaming {
    /// The namespace of names without a `%` prefix.
    public static let defaultNamespace = "default"

    /// The part before the first `%`, else ``defaultNamespace``.
    public static func namespace(of fullName: String) -> String {
        guard let cut = fullName.firstIndex(of: "%"), cut != fullName.startIndex else { return defaultNamespace }
        return String(fullName[..<cut])
    }

    /// The name without its `ns%` prefix.
    public static func localName(of fullName: String) -> String {
        guard let cut = fullName.firstIndex(of: "%"), cut != fullName.startIndex else { return fullName }
        return String(fullName[fullName.index(after: cut)...])
    }

    /// `namespace%local`, or `local` alone in the default namespace. A name that still carries a
    /// namespace prefix is reduced to its local part first, so re-namespacing replaces the prefix.
    public static func fullName(namespace: String, name: String) -> String {
        let local = localName(of: name)
        return namespace == defaultNamespace || namespace.isEmpty ? local : "\(namespace)%\(local)"
    }
}
