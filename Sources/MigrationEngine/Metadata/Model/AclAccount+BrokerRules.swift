import Foundation

extension AclAccount {
    /// Why a 4.9.x broker with ACL on refuses this account in UPDATE_AND_CREATE_ACL_CONFIG (50), or nil
    /// when it accepts it. The rules are the broker's (`PlainPermissionManager.checkPlainAccessConfig`,
    /// `Permission.checkResourcePerms`): access and secret keys longer than 6 characters (Java string
    /// length), every topic and group entry `name=PERM` with PERM one of DENY, PUB, SUB, PUB|SUB, SUB|PUB.
    /// The reason never quotes the secret key.
    public var brokerRefusal: String? {
        if self.accessKey.utf16.count <= Self.minimumKeyLength {
            return "the target refuses access keys of \(Self.minimumKeyLength) characters or fewer "
                + "(this one has \(self.accessKey.utf16.count))"
        }
        if self.secretKey.utf16.count <= Self.minimumKeyLength {
            return "the target refuses secret keys of \(Self.minimumKeyLength) characters or fewer"
        }
        for (field, entries) in [("topicPerms", self.topicPerms), ("groupPerms", self.groupPerms)] {
            for entry in entries {
                if let problem = Self.resourceProblem(entry) { return "\(field) entry `\(entry)` \(problem)" }
            }
        }
        return nil
    }

    /// The broker's `ACCESS_KEY_MIN_LENGTH` and `SECRET_KEY_MIN_LENGTH`: keys must be longer.
    public static let minimumKeyLength = 6

    private static let permissions: Set<String> = ["DENY", "PUB", "SUB", "PUB|SUB", "SUB|PUB"]

    private static func resourceProblem(_ entry: String) -> String? {
        // The request joins entries with commas and the broker splits them again.
        if entry.contains(",") { return "holds a comma, which the broker reads as two entries" }
        // commons-lang `StringUtils.split(entry, "=")`: adjacent separators make no empty tokens.
        let items = entry.split(separator: "=")
        guard items.count == 2 else { return "is not `name=PERM`" }
        let perm = items[1].trimmingCharacters(in: .whitespaces)
        guard Self.permissions.contains(perm) else { return "has a permission other than DENY, PUB, SUB or PUB|SUB" }
        return nil
    }
}
