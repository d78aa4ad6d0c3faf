public import Foundation

/// Files that may hold secrets (exports and plans with ACL secret keys, the state database with failure
/// reasons) are readable by their owner only: files 0600, directories Ferry creates 0700. An existing
/// directory keeps its mode (it may be the operator's, e.g. `/tmp`); an existing file is narrowed to 0600.
public enum PrivateFile {
    /// The mode of a file Ferry writes: owner read/write.
    static let fileMode: mode_t = 0o600
    /// The mode of a directory Ferry creates: owner only.
    static let directoryMode: mode_t = 0o700

    /// Writes `data` to `path` (replacing what was there) with mode 0600; the file is never readable by
    /// others, not even while it is being written.
    public static func write(_ data: Data, to path: String) throws(MigrationStoreError) {
        try Self.createParentDirectory(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, Self.fileMode)
        guard descriptor >= 0 else { throw Self.error("cannot create \(path)") }
        defer { close(descriptor) }
        guard fchmod(descriptor, Self.fileMode) == 0 else { throw Self.error("cannot make \(path) private") }
        guard writeAll(data, to: descriptor) else { throw Self.error("cannot write \(path)") }
    }

    /// Creates `path` empty with mode 0600 when it is missing, else narrows it to 0600 (SQLite gives its
    /// `-wal` and `-shm` files the database file's mode).
    public static func prepare(_ path: String) throws(MigrationStoreError) {
        try Self.createParentDirectory(of: path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, Self.fileMode)
        guard descriptor >= 0 else { throw Self.error("cannot create \(path)") }
        defer { close(descriptor) }
        guard fchmod(descriptor, Self.fileMode) == 0 else { throw Self.error("cannot make \(path) private") }
    }

    /// Creates the missing directories above `path` with mode 0700.
    public static func createParentDirectory(of path: String) throws(MigrationStoreError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: NSNumber(value: Self.directoryMode)])
        } catch {
            throw MigrationStoreError(.cannotOpen, "cannot create \(directory.path)", underlying: error)
        }
    }

    private static func error(_ reason: String) -> MigrationStoreError {
        MigrationStoreError(.cannotOpen, "\(reason): \(String(cString: strerror(errno)))")
    }
}

/// Writes every byte of `data`, retrying interrupted writes; false on an error (`errno` says which).
private func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
    var written = 0
    while written < data.count {
        let result = data[(data.startIndex + written)...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if result < 0, errno == EINTR { continue }
        guard result > 0 else { return false }
        written += result
    }
    return true
}
