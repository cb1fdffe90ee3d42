import Foundation
import Synchronization

/// Wall clock, CPU time and peak memory of this process, and the timing of one benchmark row.
enum Meter {
  /// Monotonic nanoseconds.
  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  /// User + system CPU seconds of the process so far (all threads).
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// Peak resident set size of the process so far, in KiB (`ru_maxrss` is KiB on Linux).
  static func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
  }

  /// Runs `body` once to warm up, then `runs` times; keeps the fastest run's wall and CPU seconds.
  /// The previous result is released before each run so that stored results do not pile up.
  static func best<T>(runs: Int, _ body: () -> T) -> (seconds: Double, cpu: Double, result: T) {
    var result: T? = body()
    var bestWall = Double.infinity
    var bestCPU = 0.0
    for _ in 0..<runs {
      result = nil
      let cpu0 = cpuSeconds()
      let t0 = now()
      result = body()
      let wall = Double(now() - t0) / 1e9
      let cpu = cpuSeconds() - cpu0
      if wall < bestWall { bestWall = wall; bestCPU = cpu }
    }
    return (bestWall, bestCPU, result ?? body())
  }
}

/// `body(i)` for every `i` in `0..<count` on `jobs` workers taking the next index in turn; results by index,
/// so their order never depends on scheduling.
func parallelMap<T>(_ count: Int, jobs: Int, _ body: (Int) -> T) -> [T] {
  if jobs <= 1 || count <= 1 { return (0..<count).map(body) }
  let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer {
    slots.deinitialize()
    slots.deallocate()
  }
  let next = Atomic<Int>(0)
  // Each index is written by exactly one worker, and read only after concurrentPerform returns.
  withoutActuallyEscaping(body) { body in
    let shared = UncheckedSendable(value: (slots, body))
    DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
      let (slots, body) = shared.value
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if i >= count { break }
        slots[i] = body(i)
      }
    }
  }
  return slots.compactMap { $0 }
}

/// Hands a value to worker threads that use it in a way the compiler cannot check (disjoint slots).
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
}
