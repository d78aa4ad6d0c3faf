extension RemotingExtFields {
    /// The ext field that carries the ACL 1.0 signature; it is the one field left out of what is signed.
    public static let aclSignatureField = "Signature"

    /// The bytes an ACL 1.0 signature covers (`AclClientRPCHook`, `AclUtils.combineRequestContent`): the
    /// **values** of every field but ``aclSignatureField``, in the key order of a Java `TreeMap<String, String>`
    /// (UTF-16 code-unit order), as UTF-8, then the body. The signature is Base64(HmacSHA1(secretKey, these
    /// bytes)); the client's signer and the sandbox broker's validator both start from here.
    public func aclSignedContent(body: some Sequence<UInt8>) -> [UInt8] {
        let entries = self.entries
            .filter { $0.key != Self.aclSignatureField }
            .sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        var content: [UInt8] = []
        for entry in entries { content.append(contentsOf: entry.value.utf8) }
        content.append(contentsOf: body)
        return content
    }
}
