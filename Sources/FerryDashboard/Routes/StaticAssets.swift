import Foundation
import Hummingbird
import NIOCore

/// The page's files (`Resources/`), read once at start-up: plain HTML, CSS and JavaScript, no external resource.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var bytes: ByteBuffer
    }

    /// URL path → file.
    let assets: [String: Asset]

    static let files: [(path: String, name: String, ext: String, type: String)] = [
        ("/", "index", "html", "text/html; charset=utf-8"),
        ("/app.js", "app", "js", "text/javascript; charset=utf-8"),
        ("/app.css", "app", "css", "text/css; charset=utf-8"),
    ]

    /// Loads the files from the module's bundle; a missing one is served as a 500 that says so.
    static func load() -> StaticAssets {
        var assets: [String: Asset] = [:]
        for file in files {
            guard let url = Bundle.module.url(forResource: file.name, withExtension: file.ext, subdirectory: "Resources"),
                let data = try? Data(contentsOf: url)
            else { continue }
            assets[file.path] = Asset(contentType: file.type, bytes: ByteBuffer(bytes: data))
        }
        return StaticAssets(assets: assets)
    }

    func response(path: String) throws -> Response {
        guard let asset = assets[path] else {
            throw HTTPError(.internalServerError, message: "The dashboard's file for \(path) is missing from this build.")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType,
                .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
                .cacheControl: "no-cache",
            ],
            body: ResponseBody(byteBuffer: asset.bytes))
    }
}
