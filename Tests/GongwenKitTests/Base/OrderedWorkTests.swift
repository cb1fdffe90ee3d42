import Foundation
import Testing

@testable import GongwenKit

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

  @Test("with sizes, small items run far ahead but never past the size budget; large ones two at a time", arguments: [2, 3])
  func weightedWindow(jobs: Int) {
    // Items 0..<100 weigh 100 (budget 1,000: ten in flight); items 100..<120 weigh 5,000 (over budget: only
    // the minimum window of 2 may run).
    let weights = (0..<120).map { $0 < 100 ? 100 : 5_000 }
    let counter = Counter()
    var seen: [Int] = []
    var peakBeyondSmall = 0
    OrderedWork<Int>(count: 120, window: 50, minimumWindow: 2, weights: weights, weightBudget: 1_000).run(
      jobs: jobs,
      work: { k in
        counter.start(k)
        usleep(useconds_t(k % 5 * 100))
        counter.finish()
        return k + 1
      },
      consume: { k, value in
        #expect(value == k + 1)
        seen.append(k)
        if k == 99 { peakBeyondSmall = counter.peakAhead }
        counter.consume(k)
      })
    #expect(seen == Array(0..<120))
    #expect(peakBeyondSmall <= 10)
    #expect(counter.peakAhead <= 10)
  }

  @Test("no work: returns at once without calling consume")
  func empty() {
    var called = false
    OrderedWork<Int>(count: 0, window: 4).run(jobs: 4, work: { $0 }, consume: { _, _ in called = true })
    #expect(!called)
  }
}
