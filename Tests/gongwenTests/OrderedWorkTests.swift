import Foundation
import Testing

@testable import gongwen

@Suite("OrderedWork: parallel work, results in order, a bounded window")
struct OrderedWorkTests {
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private(set) var peakAhead = 0
    private var consumed = 0
    func start(_ k: Int) { lock.withLock { running += 1; peakAhead = max(peakAhead, k - consumed + 1) } }
    func finish() { lock.withLock { running -= 1 } }
    func consume(_ k: Int) { lock.withLock { consumed = k + 1 } }
  }

  @Test("results arrive in index order and never more than the window ahead", arguments: [1, 2, 3, 8])
  func orderAndWindow(jobs: Int) {
    let counter = Counter()
    let window = 2 * jobs
    var seen: [Int] = []
    OrderedWork<Int>(count: 200, window: window).run(
      jobs: jobs,
      work: { k in
        counter.start(k)
        // Early indices take longest, so later ones finish first and must wait their turn.
        usleep(useconds_t((200 - k) % 7 * 200))
        counter.finish()
        return k * k
      },
      consume: { k, value in
        #expect(value == k * k)
        seen.append(k)
        counter.consume(k)
      })
    #expect(seen == Array(0..<200))
    #expect(counter.peakAhead <= window)
  }

  @Test("no work: returns at once without calling consume")
  func empty() {
    var called = false
    OrderedWork<Int>(count: 0, window: 4).run(jobs: 4, work: { $0 }, consume: { _, _ in called = true })
    #expect(!called)
  }
}
