import Foundation

/// Runs `work` for indices 0..<count on several threads and hands the results to the caller in index order,
/// as soon as each is ready: a sliding window of at most `window` started-but-unconsumed results, so memory
/// is bounded by the window, never by `count`.
final class OrderedWork<T: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private let count: Int
  private let window: Int
  private var nextToStart = 0
  private var nextToConsume = 0
  private var results: [Int: T] = [:]
  private var finishedThreads = 0

  init(count: Int, window: Int) {
    self.count = count
    self.window = max(1, window)
  }

  /// Runs the work on `jobs` threads and calls `consume` on the calling thread for each result in order;
  /// `tick` is called about every `tickInterval` seconds while waiting.
  func run(
    jobs: Int, tickInterval: TimeInterval = 0.2, work: @escaping @Sendable (Int) -> T, consume: (Int, T) -> Void,
    tick: () -> Void = {}
  ) {
    guard count > 0 else { return }
    if jobs <= 1 {
      // One job: no thread to hand results over to, so no lock, wake-up or context switch per file.
      for k in 0..<count {
        consume(k, work(k))
        tick()
      }
      return
    }
    let threads = min(jobs, count)
    for _ in 0..<threads {
      let thread = Thread { [self] in worker(work) }
      // Deeply nested input recurses in the parser and the writers: give workers a main-thread-sized stack.
      thread.stackSize = 16 << 20
      thread.start()
    }
    for k in 0..<count {
      condition.lock()
      while results[k] == nil {
        _ = condition.wait(until: Date(timeIntervalSinceNow: tickInterval))
        if results[k] == nil {
          condition.unlock()
          tick()
          condition.lock()
        }
      }
      let result = results.removeValue(forKey: k)
      condition.unlock()
      if let result { consume(k, result) }
      // Only now may a worker start index k + window: the window counts the result being consumed too.
      condition.lock()
      nextToConsume = k + 1
      condition.broadcast()
      condition.unlock()
      tick()
    }
    // Wait for the threads to leave, so none outlives the run.
    condition.lock()
    while finishedThreads < threads { condition.wait() }
    condition.unlock()
  }

  private func worker(_ work: @Sendable (Int) -> T) {
    while true {
      condition.lock()
      while nextToStart < count && nextToStart >= nextToConsume + window { condition.wait() }
      guard nextToStart < count else {
        finishedThreads += 1
        condition.broadcast()
        condition.unlock()
        return
      }
      let k = nextToStart
      nextToStart += 1
      condition.unlock()
      let result = work(k)
      condition.lock()
      results[k] = result
      condition.broadcast()
      condition.unlock()
    }
  }
}
