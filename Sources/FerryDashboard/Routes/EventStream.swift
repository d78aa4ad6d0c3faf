import ControlProtocol
import Foundation
import Hummingbird
import NIOCore

/// `GET /api/events`: live updates as Server-Sent Events. An agent event goes out whole (`event: agentEvent`); a
/// new agent state only as its agent id and time (`event: state`), so the page refetches what it shows instead of
/// every browser receiving every agent's full state.
enum EventStream {
    /// The small body of a `state` event.
    struct StateNotice: Codable, Equatable {
        var agentId: String
        var takenAt: Date
    }

    static func response(for updates: AsyncStream<DashboardUpdate>) -> Response {
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            for await update in updates {
                try await writer.write(ByteBuffer(string: try frame(update)))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: body)
    }

    /// One update as an SSE frame (JSON never holds a raw newline, so one `data:` line suffices).
    static func frame(_ update: DashboardUpdate) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let (name, data): (String, Data)
        switch update {
        case .event(let event):
            (name, data) = ("agentEvent", try encoder.encode(event))
        case .state(let state):
            (name, data) = ("state", try encoder.encode(StateNotice(agentId: state.agentId, takenAt: state.takenAt)))
        }
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
