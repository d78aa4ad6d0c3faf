public import NIOCore

/// One RocketMQ remoting message, request or response (`RemotingCommand.java`).
///
/// A plain value: build one with ``request(code:ext:body:opaque:version:)``,
/// ``oneway(code:ext:body:opaque:version:)`` or ``response(to:code:remark:ext:body:version:)``, encode it
/// with ``encodeFrame(into:)`` or ``RemotingFrameEncoder``, decode frames with ``RemotingFrameDecoder``.
public struct RemotingCommand: Sendable, Hashable {
    /// The request code of a request, the response code of a response (see ``requestCode``/``responseCode``).
    public var code: Int
    /// The sender's language; ``LanguageCode/java`` by default.
    public var language: LanguageCode
    /// The sender's `MQVersion` ordinal (409 is 4.9.8, 401 is 4.9.4, 293 is 4.4.0). A 4.9.4+ NameServer
    /// answers GET_ROUTEINFO_BY_TOPIC in standard JSON when this is at least 401.
    public var version: Int
    /// The request id; a response echoes its request's.
    public var opaque: Int32
    /// Bit 0 set: response; bit 1 set: oneway request.
    public var flag: Int32
    /// Free text, mostly a response's error message. Absent (nil) is not the same as empty in a JSON header;
    /// a binary header cannot tell them apart and decodes both as nil.
    public var remark: String?
    /// The custom-header fields, in wire order. nil writes no `extFields` key in a JSON header; an empty
    /// value writes `"extFields":{}` (what Java sends for a response whose header class has only null fields).
    public var extFields: RemotingExtFields?
    /// The body bytes, or nil for none. Decoding slices it out of the frame without copying.
    public var body: ByteBuffer?
    /// How the header is (or will be) serialized.
    public var serializeType: RemotingSerializeType

    /// The version Ferry sends by default: 409, what the Apache 4.9.8 Java client sends.
    public static let defaultVersion = 409

    /// The response bit of ``flag`` (`RPC_TYPE`).
    public static let responseFlag: Int32 = 1 << 0
    /// The oneway bit of ``flag`` (`RPC_ONEWAY`).
    public static let onewayFlag: Int32 = 1 << 1

    /// Creates a command from all its fields.
    public init(
        code: Int,
        language: LanguageCode = .java,
        version: Int = RemotingCommand.defaultVersion,
        opaque: Int32 = 0,
        flag: Int32 = 0,
        remark: String? = nil,
        extFields: RemotingExtFields? = nil,
        body: ByteBuffer? = nil,
        serializeType: RemotingSerializeType = .json
    ) {
        self.code = code
        self.language = language
        self.version = version
        self.opaque = opaque
        self.flag = flag
        self.remark = remark
        self.extFields = extFields
        self.body = body
        self.serializeType = serializeType
    }

    /// True when the response bit is set.
    public var isResponse: Bool {
        get { self.flag & Self.responseFlag != 0 }
        set { self.flag = newValue ? self.flag | Self.responseFlag : self.flag & ~Self.responseFlag }
    }

    /// True when the oneway bit is set: the peer sends no response.
    public var isOneway: Bool {
        get { self.flag & Self.onewayFlag != 0 }
        set { self.flag = newValue ? self.flag | Self.onewayFlag : self.flag & ~Self.onewayFlag }
    }

    /// ``code`` read as a request code.
    public var requestCode: RequestCode { RequestCode(self.code) }

    /// ``code`` read as a response code.
    public var responseCode: ResponseCode { ResponseCode(self.code) }

    /// The ext field `key`, or nil when it or the whole `extFields` is absent.
    public func ext(_ key: String) -> String? { self.extFields?[key] }

    /// A request (flag 0). `ext` nil sends no `extFields`.
    public static func request(
        code: RequestCode,
        ext: RemotingExtFields? = nil,
        body: ByteBuffer? = nil,
        opaque: Int32 = 0,
        version: Int = RemotingCommand.defaultVersion
    ) -> RemotingCommand {
        RemotingCommand(code: code.rawValue, version: version, opaque: opaque, extFields: ext, body: body)
    }

    /// A oneway request (flag 2): the peer sends no response.
    public static func oneway(
        code: RequestCode,
        ext: RemotingExtFields? = nil,
        body: ByteBuffer? = nil,
        opaque: Int32 = 0,
        version: Int = RemotingCommand.defaultVersion
    ) -> RemotingCommand {
        RemotingCommand(
            code: code.rawValue,
            version: version,
            opaque: opaque,
            flag: Self.onewayFlag,
            extFields: ext,
            body: body
        )
    }

    /// The response to `request` (flag 1): same opaque and serialize type.
    public static func response(
        to request: RemotingCommand,
        code: ResponseCode,
        remark: String? = nil,
        ext: RemotingExtFields? = nil,
        body: ByteBuffer? = nil,
        version: Int = RemotingCommand.defaultVersion
    ) -> RemotingCommand {
        RemotingCommand(
            code: code.rawValue,
            version: version,
            opaque: request.opaque,
            flag: Self.responseFlag,
            remark: remark,
            extFields: ext,
            body: body,
            serializeType: request.serializeType
        )
    }
}
