import RocketMQRemoting

/// UPDATE_AND_CREATE_ACL_CONFIG (50) checked as a 4.9.8 broker checks it (`AdminBrokerProcessor`
/// `.updateAndCreateAccessConfig`, `PlainPermissionManager.checkPlainAccessConfig`,
/// `Permission.checkResourcePerms`): the perm lists are the header's values split at commas (an empty
/// value is one empty resource), both keys must be longer than 6 characters, and each resource must be
/// `name=PERM` with a known permission. A refusal is UPDATE_AND_CREATE_ACL_CONFIG_FAILED (209) whose remark
/// is the broker's own message — which, like the real one, echoes the secret key.
enum AccountUpdateCheck {
    /// The broker's `ACCESS_KEY_MIN_LENGTH` / `SECRET_KEY_MIN_LENGTH`: a key must be longer than this.
    static let minimumKeyLength = 6

    /// `nil` when the broker accepts the account, else the remark it answers with.
    static func refusal(accessKey: String, secretKey: String?, topicPerms: [String]?, groupPerms: [String]?) -> String? {
        guard let secretKey, accessKey.utf16.count > Self.minimumKeyLength,
            secretKey.utf16.count > Self.minimumKeyLength
        else {
            return "The accessKey=\(accessKey) and secretKey=\(secretKey ?? "null") cannot be null and length should "
                + "longer than 6"
        }
        for resource in (topicPerms ?? []) + (groupPerms ?? []) {
            // commons-lang `StringUtils.split(resource, "=")`: adjacent separators make no empty tokens.
            let items = resource.split(separator: "=")
            guard items.count == 2 else {
                return "Parse Resource format error for \(resource).\n"
                    + "The expected resource format is 'Res=Perm'. For example: topicA=SUB"
            }
            let perm = items[1].trimmingWhitespace()
            guard Self.permissions.contains(perm) else {
                return "Parse resource permission error for \(resource).\n"
                    + "The expected permissions are 'SUB' or 'PUB' or 'SUB|PUB' or 'PUB|SUB'."
            }
        }
        return nil
    }

    /// Java's `UtilAll.split(value, ",")`: nil for an absent field, `[""]` for an empty one, trailing empty
    /// pieces dropped otherwise (`String.split`).
    static func split(_ value: String?) -> [String]? {
        guard let value else { return nil }
        if value.isEmpty { return [""] }
        var pieces = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        while pieces.count > 1, pieces.last == "" { pieces.removeLast() }
        return pieces
    }

    private static let permissions: Set<String> = ["DENY", "PUB", "SUB", "PUB|SUB", "SUB|PUB"]
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
