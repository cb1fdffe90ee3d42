import Foundation
import GongwenKit

// gongwen-bench: MB/s, documents/s, CPU time and peak RSS per pipeline stage, one job and all cores, best of N
// runs after a warm-up, and a checksum against the generator's manifest. See docs/performance.md.

exit(Benchmark.run(BenchOptions(Array(CommandLine.arguments.dropFirst()))))
