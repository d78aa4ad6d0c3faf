/// A hook script failed to load, failed while running, ran past a limit, or returned the wrong shape.
///
/// Errors name the script file, the line when known, and the hook (`nil` for errors while a script
/// loads). New codes may be added; switch over ``code`` with a `default`.
public struct HookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadable, syntax, runtime, instructionBudget, memoryLimit, deadline, wrongShape, invalidDefinition
            case loadFailed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A script file or directory could not be read.
        public static let unreadable = Code(.unreadable)
        /// A script does not compile.
        public static let syntax = Code(.syntax)
        /// A script raised an error (at load time or inside a hook), including calls to functions
        /// the sandbox removed (`os.execute`, `io.open`, `require`…) and refused rebinding of host globals.
        public static let runtime = Code(.runtime)
        /// A call ran more Lua VM instructions than ``HookLimits/instructions`` (or, while a script
        /// loads, ``HookLimits/loadInstructions``).
        public static let instructionBudget = Code(.instructionBudget)
        /// The state needed more memory than ``HookLimits/memoryBytes``.
        public static let memoryLimit = Code(.memoryLimit)
        /// A call ran past ``HookLimits/deadline`` (or ``HookLimits/loadDeadline``).
        public static let deadline = Code(.deadline)
        /// A hook returned a value of the wrong shape.
        public static let wrongShape = Code(.wrongShape)
        /// A script set a hook name (`map`, `health`, `gate`) to something other than a function.
        public static let invalidDefinition = Code(.invalidDefinition)
        /// The Lua state itself could not be set up.
        public static let loadFailed = Code(.loadFailed)

        /// The code's name, e.g. `instructionBudget`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The Lua message (without the `file:line:` prefix) or a description of the problem.
    public var message: String
    /// The hook that was running; `nil` while a script loads.
    public var hook: HookName?
    /// The script's file name, when the error belongs to one.
    public var file: String?
    /// The line in ``file``, when known.
    public var line: Int?

    /// Creates an error.
    public init(code: Code, message: String, hook: HookName? = nil, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.hook = hook
        self.file = file
        self.line = line
    }

    /// `file:line: hook 'map': message (code)`, leaving out the parts that are unknown.
    public var description: String {
        var text = ""
        if let file { text += line.map { "\(file):\($0): " } ?? "\(file): " }
        text += hook.map { "hook '\($0.rawValue)': " } ?? (file == nil ? "" : "loading: ")
        return text + "\(message) (\(code))"
    }
}
