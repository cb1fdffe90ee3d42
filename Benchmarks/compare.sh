#!/usr/bin/env bash
# Compares `gongwen parse --format jsonl` with ../shared/perf/baseline.py on the same corpus, fairly:
# release build, warm page cache, output to a file on the same disk, runs alternated A B A B A B,
# medians quoted. MB/s = input bytes (sum of the .txt sizes) / wall seconds of the whole process.
#
#   Benchmarks/compare.sh [CORPUS] [--runs N] [--jobs N]
#
# CORPUS is a directory of .txt files or one file (default /tmp/gongwen-bench/c100, generated with
# ../shared/perf/gen_corpus.py when missing). Prints one job against one job, then N jobs (default 2)
# against N worker processes, and gongwen's own speed-up and CPU time (user + sys) from 1 to N jobs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$(cd "$root/.." && pwd)/shared/perf
corpus=""
runs=3
jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) corpus=$1; shift ;;
  esac
done
[ -f "$shared/baseline.py" ] || { echo "compare.sh: $shared/baseline.py not found" >&2; exit 2; }
if [ -z "$corpus" ]; then
  corpus=/tmp/gongwen-bench/c100
  if [ ! -f "$corpus/manifest.json" ]; then
    echo "compare.sh: generating $corpus (about 20 s)" >&2
    rm -rf "$corpus"; mkdir -p /tmp/gongwen-bench
    python3 "$shared/gen_corpus.py" --out "$corpus" --target-mb 100 --files-per-doc mix --encoding-mix --seed 1 --quiet
  fi
fi
[ -e "$corpus" ] || { echo "compare.sh: no such corpus: $corpus" >&2; exit 2; }

(cd "$root" && swift build -c release --product gongwen > /dev/null 2>&1) || {
  echo "compare.sh: release build failed: run swift build -c release" >&2; exit 2; }
gongwen="$root/.build/release/gongwen"
work=$(mktemp -d /tmp/gongwen-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -d "$corpus" ]; then
  bytes=$(find "$corpus" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  files=$(find "$corpus" -name '*.txt' -type f | wc -l)
  find "$corpus" -name '*.txt' -type f -print0 | xargs -0 cat > /dev/null  # warm the page cache
  gongwen_input=(-r "$corpus")
else
  bytes=$(stat -c %s "$corpus")
  files=1
  cat "$corpus" > /dev/null
  gongwen_input=("$corpus")
fi

# run NAME CMD...: one timed run; appends "wall user sys maxrss_kib" to $work/NAME (wall from
# EPOCHREALTIME, microseconds; CPU and peak RSS from /usr/bin/time).
run() {
  local name=$1; shift
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    echo "compare.sh: $name failed:" >&2; cat "$work/stderr" >&2; exit 1; }
  local t1=$EPOCHREALTIME
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", b - a}') $(cat "$work/time")" >> "$work/$name"
}

# median COLUMN FILE
median() { cut -d' ' -f"$1" "$2" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# cpu FILE: median of user + sys
cpu() { awk '{print $2 + $3}' "$1" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.1f", b / 1e6 / s}'; }

gw() { run "$1" "$gongwen" parse "${gongwen_input[@]}" --format jsonl -o "$work/gongwen.jsonl" -q -j "$2"; }
py() { run "$1" python3 "$shared/baseline.py" "$corpus" -o "$work/baseline.jsonl" -j "$2"; }

echo "corpus: $corpus ($files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "runs: $runs each, alternated; medians; warm page cache; output to files in $work"
gw warm 1 && py warm 1  # warm-up, not counted
for _ in $(seq "$runs"); do gw gw1 1; py py1 1; done
for _ in $(seq "$runs"); do gw gwN "$jobs"; py pyN "$jobs"; done

report() {  # report LABEL GW PY
  local gw_wall py_wall
  gw_wall=$(median 1 "$work/$2"); py_wall=$(median 1 "$work/$3")
  printf '%-9s gongwen %8s MB/s  cpu %6.2f s  peak %5.1f MB | baseline.py %6s MB/s  cpu %6.2f s  peak %5.1f MB | ratio %6.1fx\n' \
    "$1" "$(mbps "$gw_wall")" "$(cpu "$work/$2")" "$(awk -v k="$(median 4 "$work/$2")" 'BEGIN {print k / 1024}')" \
    "$(mbps "$py_wall")" "$(cpu "$work/$3")" "$(awk -v k="$(median 4 "$work/$3")" 'BEGIN {print k / 1024}')" \
    "$(awk -v a="$py_wall" -v b="$gw_wall" 'BEGIN {print a / b}')"
}
report "1 job" gw1 py1
report "$jobs jobs" gwN pyN
awk -v w1="$(median 1 "$work/gw1")" -v wn="$(median 1 "$work/gwN")" -v c1="$(cpu "$work/gw1")" -v cn="$(cpu "$work/gwN")" -v j="$jobs" \
  'BEGIN {printf "gongwen -j %d against -j 1: %.2fx faster, CPU time %.2fx (user + sys, medians)\n", j, w1 / wn, cn / c1}'
echo "peak: the largest single process (/usr/bin/time %M); baseline.py -j N has N worker processes"
