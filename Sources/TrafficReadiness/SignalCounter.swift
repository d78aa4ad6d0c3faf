#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Counts deliveries of one signal (the process then ignores its default action).
///
/// `@unchecked Sendable`: `source` is created, given its handler and resumed once in `init`, and never
/// touched again; the count is an `Atomic`.
final class SignalCounter: @unchecked Sendable {
    /// SIGHUP, the conventional "reload your configuration" signal.
    static let hangups = SignalCounter(signalNumber: SIGHUP)

    private let counter = Atomic<Int>(0)
    private let source: any DispatchSourceSignal

    private init(signalNumber: Int32) {
        signal(signalNumber, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler { [unowned self] in
            _ = self.counter.add(1, ordering: .relaxed)
        }
        source.resume()
    }

    /// Signals seen so far.
    var count: Int { counter.load(ordering: .relaxed) }
}
