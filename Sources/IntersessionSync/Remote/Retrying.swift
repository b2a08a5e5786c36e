import Foundation

/// A transport that sends again what failed for a passing reason: a server error (500, 502, 503,
/// 504), throttling (429) or no answer at all (`.unreachable`). It waits longer each time
/// (`initialDelay`, doubling), each wait drawn between half and all of that so that clients that
/// failed together do not all come back together, and waits what the server's `Retry-After`
/// asks when it gives seconds, up to `retryAfterCap`. After the last attempt the last answer is
/// returned, or its error thrown: the store maps it (`serverFailed`, `unreachable`).
///
/// Every request the stores make can be sent twice without harm: reads, listings, MKCOL of a
/// collection that may exist, and PUT with `If-None-Match: *`, whose repeat after a lost answer
/// is refused with 412 (the store then reads the key as taken, which it is, by the same bytes).
public struct Retrying: HTTPTransport {
    public static let retriedStatuses: Set<Int> = [429, 500, 502, 503, 504]

    let base: any HTTPTransport
    let attempts: Int
    let initialDelay: Double
    let retryAfterCap: Double
    let sleep: @Sendable (Double) -> Void
    /// A number in [0, 1); injected so that tests know each wait.
    let random: @Sendable () -> Double

    public init(_ base: any HTTPTransport, attempts: Int = 5, initialDelay: Double = 0.1, retryAfterCap: Double = 20,
                sleep: @escaping @Sendable (Double) -> Void = Retrying.sleep,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.base = base
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.retryAfterCap = retryAfterCap
        self.sleep = sleep
        self.random = random
    }

    public static let sleep: @Sendable (Double) -> Void = { seconds in
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    public func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        var attempt = 1
        while true {
            let response: HTTPResponse
            do {
                response = try base.send(request)
            } catch {
                guard case .unreachable = error, attempt < attempts else { throw error }
                sleep(backoff(attempt))
                attempt += 1
                continue
            }
            guard Self.retriedStatuses.contains(response.status), attempt < attempts else { return response }
            sleep(delay(after: response, attempt: attempt))
            attempt += 1
        }
    }

    /// The wait before attempt `attempt + 1`.
    func backoff(_ attempt: Int) -> Double {
        let full = initialDelay * Double(1 << min(attempt - 1, 30))
        return full / 2 + full / 2 * random()
    }

    func delay(after response: HTTPResponse, attempt: Int) -> Double {
        // Only the seconds form: a date would need the server's clock to agree with ours.
        if let value = response.headers["retry-after"], let seconds = Double(value.trimmingCharacters(in: .whitespaces)),
           seconds >= 0 {
            return min(seconds, retryAfterCap)
        }
        return backoff(attempt)
    }
}
