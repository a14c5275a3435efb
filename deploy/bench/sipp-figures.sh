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

# The socket buffers of the bench's SIPp agents and callers: with SIPp's 64 KB default the one SIPp
# answering every offer lost INVITEs on this busy box, and the node's retransmissions 500 ms later
# were counted as our latency.
# The Kamailio baseline runs its SIPp with the same, so the two stay comparable.
sipp_buffers="-buff_size 4194304"

# thread_ticks PID: "name ticks" per thread of PID, threads of a pool summed under one name (digits
# dropped: "default task-12" and "default task-3" are one line).
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr -d '0-9' < "$task/comm" 2>/dev/null | tr ' ' '_')" \
      "$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat" 2>/dev/null || echo 0)"
  done | awk '{ t[$1] += $2 } END { for (n in t) print n, t[n] }'
}

# thread_share BEFORE AFTER SECONDS: the threads' CPU between two thread_ticks snapshots, as % of
# one core, the busiest first (threads born meanwhile count from zero).
thread_share() {
  awk -v hz="$(getconf CLK_TCK)" -v s="$3" 'NR == FNR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > 0) printf "%6.1f %% %s\n", d / hz / s * 100, $1 }' \
    "$1" "$2" | sort -rn | head -12
}

# udp_drops_by_program: the datagrams the kernel dropped so far for a full receive buffer, summed
# per program holding the sockets and per port kind (SIP ports below 10000, RTP above), for the
# sockets still open. It tells whether a host's drops are SIPp ignoring its RTP or a SIP socket
# falling behind.
udp_drops_by_program() {
  local inodes
  inodes=$(for fd in /proc/[0-9]*/fd/*; do
    l=$(readlink "$fd" 2>/dev/null) || continue
    case $l in socket:*) p=${fd#/proc/}; echo "${l//[^0-9]/} $(cat "/proc/${p%%/*}/comm" 2>/dev/null)";; esac
  done)
  cat /proc/net/udp /proc/net/udp6 2>/dev/null | awk '$NF > 0 && $10 ~ /^[0-9]+$/ { split($2, a, ":"); print $10, strtonum("0x" a[2]), $NF }' \
    | awk -v map="$inodes" 'BEGIN { n = split(map, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], f, " "); prog[f[1]] = f[2] } }
        { k = (($1 in prog) ? prog[$1] : "?") ($2 < 10000 ? " SIP" : " RTP"); d[k] += $3 } END { for (k in d) print d[k], k }' | sort -rn
}

# percent_of_core TICKS SECONDS: CPU use as % of one core.
percent_of_core() {
  echo "$1 / $(getconf CLK_TCK) / $2 * 100" | bc -l | xargs printf '%.0f'
}
