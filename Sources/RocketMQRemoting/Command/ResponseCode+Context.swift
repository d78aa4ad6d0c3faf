extension ResponseCode {
    /// `UPDATE_AND_CREATE_ACL_CONFIG_FAILED` (209) in 4.x, the answer to UPDATE_AND_CREATE_ACL_CONFIG (50).
    public static let updateAndCreateAclConfigFailed = ResponseCode(209)
    /// `DELETE_ACL_CONFIG_FAILED` (210) in 4.x, the answer to DELETE_ACL_CONFIG (51).
    public static let deleteAclConfigFailed = ResponseCode(210)
    /// `UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED` (211) in 4.x, the answer to UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53).
    public static let updateGlobalWhiteAddrsConfigFailed = ResponseCode(211)

    /// RocketMQ reuses response values across features: 4.x's `ResponseCode.java` gives 209–211 to the
    /// ACL 1.0 admin codes, which 5.x's POP gives to POLLING_FULL, POLLING_TIMEOUT and BROKER_NOT_EXIST.
    /// These are the names a value has when it answers a given request; elsewhere ``name`` applies.
    private static let namesByRequest: [RequestCode: [Int: String]] = [
        .updateAndCreateACLConfig: [209: "UPDATE_AND_CREATE_ACL_CONFIG_FAILED"],
        .deleteACLConfig: [210: "DELETE_ACL_CONFIG_FAILED"],
        .updateGlobalWhiteAddrsConfig: [211: "UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED"],
    ]

    /// The Java name of this code as the answer to `request` (nil for a code no table knows).
    public func name(answering request: RequestCode) -> String? {
        Self.namesByRequest[request]?[self.rawValue] ?? self.name
    }

    /// `NAME(code)` as the answer to `request`, or `UNKNOWN(code)`.
    public func description(answering request: RequestCode) -> String {
        "\(self.name(answering: request) ?? "UNKNOWN")(\(self.rawValue))"
    }
}
