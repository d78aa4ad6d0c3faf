import ControlProtocol
import Foundation
import Hummingbird

/// The dashboard's HTTP surface: the page's files, the JSON API and the live-update stream.
struct DashboardRoutes: Sendable {
    let api: DashboardAPI
    let authenticator: OperatorAuthenticator
    let broadcaster: UpdateBroadcaster
    let assets: StaticAssets

    /// The largest action body accepted.
    static let maxBodyBytes = 4 << 20
    /// The actor recorded for reads (previews, history) by someone not logged in.
    static let anonymousActor = "dashboard-viewer"

    func add(to router: Router<BasicRequestContext>) {
        for file in StaticAssets.files {
            router.get(RouterPath(file.path)) { _, _ in try assets.response(path: file.path) }
        }
        router.get("/api/session") { request, _ in
            let name = authenticator.operatorName(authorization: request.headers[.authorization])
            return try JSONResponse.make(Session(operator: name, loginEnabled: authenticator.isEnabled))
        }
        router.get("/api/agents") { _, _ in try await backendCall { try JSONResponse.make(try await api.agents()) } }
        router.get("/api/tasks") { _, _ in try await backendCall { try JSONResponse.make(try await api.tasks()) } }
        router.get("/api/task") { request, _ in
            let name = try Self.query(request, "name")
            let page = try Self.pageQuery(request)
            return try await backendCall {
                guard let page = try await api.taskPage(name, query: page) else {
                    throw HTTPError(.notFound, message: "No agent holds a task named \(name).")
                }
                return try JSONResponse.make(page)
            }
        }
        router.get("/api/topic") { request, _ in
            let (task, agent, topic) = (try Self.query(request, "task"), try Self.query(request, "agent"), try Self.query(request, "topic"))
            let actor = authenticator.operatorName(authorization: request.headers[.authorization]) ?? Self.anonymousActor
            return try await backendCall {
                try JSONResponse.make(try await api.topicDetail(task: task, topic: topic, agentId: agent, actor: actor))
            }
        }
        router.post("/api/batch") { request, _ in
            guard let actor = authenticator.operatorName(authorization: request.headers[.authorization]) else {
                throw HTTPError(
                    .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"ferry\""],
                    message: "Log in with an operator token to act; the dashboard is read-only without one.")
            }
            let batch = try await JSONResponse.decode(BatchRequest.self, from: request, limit: Self.maxBodyBytes)
            try Self.validate(batch)
            return try await backendCall { try JSONResponse.make(try await api.batch(batch, actor: actor)) }
        }
        router.get("/api/events") { _, _ in
            guard let updates = broadcaster.subscribe() else {
                throw HTTPError(.serviceUnavailable, message: "Too many live-update connections; try again later.")
            }
            return EventStream.response(for: updates)
        }
    }

    /// `GET /api/session`: who the request is logged in as.
    struct Session: Codable {
        var `operator`: String?
        var loginEnabled: Bool
    }

    private static func query(_ request: Request, _ name: String) throws -> String {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty, value.utf8.count <= 1024 else {
            throw HTTPError(.badRequest, message: "The query parameter '\(name)' is missing or longer than 1024 bytes.")
        }
        return value
    }

    /// The task page's `offset`, `limit` and `filter`; absent ones take their defaults, out-of-range ones are refused.
    static func pageQuery(_ request: Request) throws -> TaskPageQuery {
        let parameters = request.uri.queryParameters
        let offset = try Self.integer(parameters.get("offset"), name: "offset", range: 0...TaskPageQuery.maxOffset) ?? 0
        let limit =
            try Self.integer(parameters.get("limit"), name: "limit", range: 1...TaskPageQuery.maxLimit)
            ?? TaskPageQuery.defaultLimit
        let filter = parameters.get("filter")
        guard (filter?.utf8.count ?? 0) <= 1024 else {
            throw HTTPError(.badRequest, message: "The query parameter 'filter' is longer than 1024 bytes.")
        }
        return TaskPageQuery(offset: offset, limit: limit, filter: filter)
    }

    private static func integer(_ text: String?, name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count <= 10, let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "The query parameter '\(name)' must be a whole number in \(range.lowerBound)…\(range.upperBound).")
        }
        return value
    }

    static func validate(_ batch: BatchRequest) throws {
        guard !batch.topics.isEmpty, batch.topics.count <= BatchRequest.maxTopics else {
            throw HTTPError(.badRequest, message: "Select between 1 and \(BatchRequest.maxTopics) topics.")
        }
        guard !batch.task.isEmpty, batch.task.utf8.count <= 1024 else {
            throw HTTPError(.badRequest, message: "The task name is missing or too long.")
        }
        let reason = batch.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard reason.count <= BatchRequest.maxReasonLength else {
            throw HTTPError(.badRequest, message: "The reason is longer than \(BatchRequest.maxReasonLength) characters.")
        }
        if batch.ignoreHealth == true && reason.isEmpty {
            throw HTTPError(.badRequest, message: "Overriding the readiness checks needs a reason.")
        }
    }

    /// Runs a backend call, turning the control protocol's errors into HTTP ones with the same code.
    private func backendCall(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as ControlErrorBody {
            let status = HTTPResponse.Status(code: (400...599).contains(error.code) ? error.code : 502)
            throw HTTPError(status, message: error.message)
        }
    }
}
