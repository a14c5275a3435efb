# Shared by the SIPp benchmarks (sourced): reading SIPp's -trace_stat and -trace_rtt files, and
# the CPU a set of processes used. Bash functions only; nothing runs when sourced.

# percentile FILE P: the P-th percentile of a file of one number per line, "-" when empty.
percentile() {
  sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {if (NR==0) {print "-"; exit} i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", a[i]}'
}

# sipp_count DIR SCENARIO COLUMN: a cumulative counter, e.g. "SuccessfulCall(C)", from the last
# line of SCENARIO's -trace_stat file in DIR.
sipp_count() {
  local stats header
  stats=$(ls "$1"/"$2"_*_.csv | head -1)
  header=$(head -1 "$stats")
  tail -1 "$stats" | cut -d';' -f"$(echo "$header" | tr ';' '\n' | grep -nxF "$3" | cut -d: -f1)"
}

# sipp_rtt DIR SCENARIO RTD P: percentile P in ms of the response-time measure RTD (-trace_rtt).
sipp_rtt() {
  local rtt
  rtt=$(ls "$1"/"$2"_*_rtt.csv | head -1)
  awk -F';' -v name="$3" '$3==name{print $2}' "$rtt" > "$1/rtt-$3.txt"
  percentile "$1/rtt-$3.txt" "$4"
}

# cpu_ticks PID...: user+system clock ticks the processes used so far.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# percent_of_core TICKS SECONDS: CPU use as % of one core.
percent_of_core() {
  echo "$1 / $(getconf CLK_TCK) / $2 * 100" | bc -l | xargs printf '%.0f'
}
