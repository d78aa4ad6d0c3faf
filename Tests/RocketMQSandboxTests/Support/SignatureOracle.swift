import Crypto
import Foundation
import NIOCore
import RocketMQRemoting

/// An independent implementation of the ACL 1.0 client signature, to sign test requests.
enum SignatureOracle {
    static func signature(_ request: RemotingCommand, secret: String) -> String {
        let ext = request.extFields?.dictionary ?? [:]
        var content = Array(ext.filter { $0.key != "Signature" }.sorted { $0.key < $1.key }.map(\.value).joined().utf8)
        if let body = request.body { content += Array(body.readableBytesView) }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: content, using: SymmetricKey(data: Array(secret.utf8)))
        return Data(mac).base64EncodedString()
    }
}
