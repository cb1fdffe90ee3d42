import GongwenKit

// Placeholder until the benchmark issue: parses the argument files once.
print("gongwen-bench: not yet implemented")
