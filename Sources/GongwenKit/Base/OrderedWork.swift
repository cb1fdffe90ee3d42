import Foundation

/// Runs `work` for indices 0..<count on several threads and hands the results to the caller in index order,
/// as soon as each is ready: a sliding window of started-but-unconsumed results, so memory is bounded by the
/// window, never by `count`.
///
/// The window holds at most `window` indices, and beyond the first `minimumWindow` only as many as fit in
/// `weightBudget` (weights are file sizes): many small files run far ahead, large ones do not. A worker
/// claims a few consecutive small indices at once and publishes them together, and a thread is woken only
/// when it waits for what just happened, so small files cost no context switch each.
package final class OrderedWork<T: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private let count: Int
  private let window: Int
  private let minimumWindow: Int
  private let weights: [Int]
  private let weightBudget: Int
  /// A worker's claim ends at this many indices or this much weight.
  private let claimLimit = 8
  private let claimWeight = 256 << 10
  private var nextToStart = 0
  private var nextToConsume = 0
  /// Weight of the indices started and not yet consumed.
  private var weightInFlight = 0
  private var results: [Int: T] = [:]
  private var finishedThreads = 0
  /// Workers blocked on the window, and the index the consumer blocks on (-1: none).
  private var waitingWorkers = 0
  private var consumerWaitsFor = -1

  /// - Parameters:
  ///   - weights: a size per index (empty: all 0); `weightBudget` bounds their sum in flight.
  package init(count: Int, window: Int, minimumWindow: Int? = nil, weights: [Int] = [], weightBudget: Int = 0) {
    self.count = count
    self.window = max(1, window)
    self.minimumWindow = max(1, min(minimumWindow ?? window, window))
    self.weights = weights.count == count ? weights : []
    self.weightBudget = weightBudget
  }

  private func weight(_ k: Int) -> Int { weights.isEmpty ? 0 : weights[k] }

  /// Whether index `k` may start now (called with the lock held).
  private func mayStart(_ k: Int) -> Bool {
    let ahead = k - nextToConsume
    if ahead < minimumWindow { return true }
    return ahead < window && weightInFlight + weight(k) <= weightBudget
  }

  /// Runs the work on `jobs` threads and calls `consume` on the calling thread for each result in order;
  /// `tick` is called about every `tickInterval` seconds while waiting.
  package func run(
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
        consumerWaitsFor = k
        _ = condition.wait(until: Date(timeIntervalSinceNow: tickInterval))
        consumerWaitsFor = -1
        if results[k] == nil {
          condition.unlock()
          tick()
          condition.lock()
        }
      }
      let result = results.removeValue(forKey: k)
      condition.unlock()
      if let result { consume(k, result) }
      // Only now may a worker start beyond the window: the window counts the result being consumed too.
      condition.lock()
      nextToConsume = k + 1
      weightInFlight -= weight(k)
      if waitingWorkers > 0 && nextToStart < count && mayStart(nextToStart) { condition.broadcast() }
      condition.unlock()
      tick()
    }
    // Wait for the threads to leave, so none outlives the run.
    condition.lock()
    while finishedThreads < threads {
      consumerWaitsFor = count
      condition.wait()
    }
    condition.unlock()
  }

  private func worker(_ work: @Sendable (Int) -> T) {
    var done: [(Int, T)] = []
    while true {
      condition.lock()
      for (k, result) in done { results[k] = result }
      if let first = done.first?.0, let last = done.last?.0, (first...last).contains(consumerWaitsFor) {
        condition.broadcast()
      }
      done.removeAll(keepingCapacity: true)
      while nextToStart < count && !mayStart(nextToStart) {
        waitingWorkers += 1
        condition.wait()
        waitingWorkers -= 1
      }
      guard nextToStart < count else {
        finishedThreads += 1
        condition.broadcast()
        condition.unlock()
        return
      }
      // Claim consecutive indices while they are small and allowed, so the others stay free for other workers.
      let first = nextToStart
      var claimedWeight = 0
      repeat {
        claimedWeight += weight(nextToStart)
        weightInFlight += weight(nextToStart)
        nextToStart += 1
      } while nextToStart < count && nextToStart - first < claimLimit && claimedWeight + weight(nextToStart) <= claimWeight
        && mayStart(nextToStart) && !weights.isEmpty
      let claimed = first..<nextToStart
      condition.unlock()
      for k in claimed { done.append((k, work(k))) }
    }
  }
}
