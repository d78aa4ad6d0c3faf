internal import NIOCore
internal import RocketMQRemoting

extension RemotingCommand {
    /// Returns `self` when its code is SUCCESS; otherwise throws
    /// ``RocketMQClientError/Code/responseError`` carrying the response code and remark.
    func requireSuccess(
        request: RequestCode,
        address: String
    ) throws(RocketMQClientError) -> RemotingCommand {
        let code = self.responseCode
        guard code == .success else {
            throw RocketMQClientError(
                .responseError,
                "\(request) answered \(code.description(answering: request))",
                responseCode: self.code,
                remark: self.remark,
                requestCode: request.rawValue,
                address: address
            )
        }
        return self
    }

    /// Decodes the body as `Body` (either JSON dialect).
    func decodeBody<Body: RemotingJSONBody>(
        _ type: Body.Type,
        request: RequestCode,
        address: String
    ) throws(RocketMQClientError) -> Body {
        guard let body = self.body, body.readableBytes > 0 else {
            throw RocketMQClientError(
                .malformedResponse,
                "\(request) returned no body",
                requestCode: request.rawValue,
                address: address
            )
        }
        do {
            return try Body(parsing: body)
        } catch {
            throw RocketMQClientError(
                .malformedResponse,
                "cannot decode the \(Body.self) body",
                requestCode: request.rawValue,
                address: address,
                underlying: error
            )
        }
    }

    /// The ext field `key` as an integer, or a ``RocketMQClientError/Code/malformedResponse`` error.
    func requireInt64Ext(_ key: String, request: RequestCode, address: String) throws(RocketMQClientError) -> Int64 {
        guard let text = self.ext(key), let value = Int64(text) else {
            throw RocketMQClientError(
                .malformedResponse,
                "response header field \(key) is missing or not an integer",
                requestCode: request.rawValue,
                address: address
            )
        }
        return value
    }
}
