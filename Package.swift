// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "gongwen",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "GongwenKit", targets: ["GongwenKit"]),
    .executable(name: "gongwen", targets: ["gongwen"]),
    .executable(name: "gongwen-bench", targets: ["GongwenBench"]),
  ],
  targets: [
    .target(name: "GongwenKit", exclude: ["1-Decode/generate-gb18030-table.py", "1-Decode/generate-big5-table.py"]),
    .executableTarget(name: "gongwen", dependencies: ["GongwenKit"], exclude: ["generate-sample.py"]),
    .executableTarget(name: "GongwenBench", dependencies: ["GongwenKit"], path: "Benchmarks/GongwenBench"),
    .testTarget(name: "GongwenKitTests", dependencies: ["GongwenKit"]),
    .testTarget(name: "gongwenTests", dependencies: ["gongwen", "GongwenKit"]),
  ]
)
