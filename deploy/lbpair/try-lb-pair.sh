#!/usr/bin/env bash
# Runs the load-balancer pair that lb-config generates -- corosync and Pacemaker on lb1 and lb2 --
# on this one machine, fails the active load balancer and shows the virtual IP, haproxy and
# Kamailio move to the other.
#
# Each load balancer is a network namespace (its own interfaces, ports and abstract IPC sockets,
# which Pacemaker's daemons talk over) plus a private mount namespace in which its own copies of
# /etc/corosync, /var/lib/pacemaker, /var/lib/corosync, the logs, /run and /dev/shm are mounted,
# so two corosyncs and two Pacemakers run side by side without seeing each other's files. A bridge
# in this machine's namespace joins them like a LAN switch, and this machine is the client that
# reaches the virtual IP over it.
#
# Needs root (namespaces, bridge) and Debian's corosync, pacemaker, resource-agents, haproxy,
# kamailio, iproute2, util-linux, curl and openssl; lb-config's command-line jar is built with
# Maven when it is missing. Everything it creates is removed on exit, also on Ctrl-C.
#
# Usage: deploy/lbpair/try-lb-pair.sh [--failover-seconds N]   (exit 0: the group moved in time)
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin

self=$(realpath "${BASH_SOURCE[0]}")
repo=$(cd "$(dirname "$self")/../.." && pwd)
failover_limit=30
subnet=10.51.0
vip=$subnet.100
bridge=vbr-lbpair
lbs=(lb1 lb2)

if [ "${1:-}" = --failover-seconds ]; then failover_limit=$2; shift 2; fi

# ---------------------------------------------------------------------------------------------
# Inside a load balancer (run by the outer script in the new network and mount namespaces).
# ---------------------------------------------------------------------------------------------
if [ "${1:-}" = boot-load-balancer ]; then
  name=$2 dir=$3
  hostname "$name"
  echo $$ >"$dir/boot.pid"
  # Private copies of everything corosync and Pacemaker keep on disk or in /run and /dev/shm.
  mount -t tmpfs -o mode=755 tmpfs /run
  mount -t tmpfs -o mode=1777 tmpfs /dev/shm
  for pair in etc-corosync:/etc/corosync var-lib-corosync:/var/lib/corosync var-lib-pacemaker:/var/lib/pacemaker \
              log-corosync:/var/log/corosync log-pacemaker:/var/log/pacemaker etc-haproxy:/etc/haproxy \
              etc-kamailio:/etc/kamailio; do
    mount --bind "$dir/${pair%%:*}" "${pair#*:}"
  done
  mount --bind "$dir/default-kamailio" /etc/default/kamailio
  mkdir -p /run/verbund /run/kamailio /run/haproxy
  corosync -f >"$dir/corosync.out" 2>&1 &
  # pacemakerd needs corosync's IPC to be up; it retries a few times, so wait for it instead.
  for _ in $(seq 100); do corosync-cfgtool -s >/dev/null 2>&1 && break; sleep 0.1; done
  pacemakerd >"$dir/pacemakerd.out" 2>&1 &
  wait
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# The outer script.
# ---------------------------------------------------------------------------------------------
now_ms() { echo $(($(date +%s%N) / 1000000)); }
seconds_since() { local ms=$(($(now_ms) - $1)); printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100)); }
started=$(now_ms)
step() { printf '\n[%6s] == %s\n' "$(seconds_since "$started")" "$*"; }
fail() { echo "try-lb-pair: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (network namespaces, a bridge, mounts)"
for tool in ip unshare nsenter flock corosync corosync-keygen pacemakerd crm_mon cibadmin haproxy kamailio curl openssl java; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || fail "$tool is missing (Debian: apt-get install corosync pacemaker resource-agents haproxy kamailio iproute2 util-linux curl openssl)"
done
[ -x /usr/lib/ocf/resource.d/heartbeat/IPaddr2 ] || fail "the IPaddr2 agent is missing (apt-get install resource-agents)"

# One run at a time: the namespaces, the bridge and the subnet have fixed names.
mkdir -p /run/lock
exec 9>/run/lock/verbund-lbpair.lock
flock -n 9 || fail "another run is under way (it holds /run/lock/verbund-lbpair.lock)"
work=
remove_pair() {
  local ns pid
  for ns in "${lbs[@]}"; do
    for pid in $(ip netns pids "verbund-$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  done
  for ns in "${lbs[@]}"; do
    for _ in $(seq 50); do [ -z "$(ip netns pids "verbund-$ns" 2>/dev/null)" ] && break; sleep 0.1; done
    ip netns del "verbund-$ns" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
}
cleanup() {
  set +e
  remove_pair
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Left over by a run that was killed outright (the lock says none is running).
remove_pair
work=$(mktemp -d /tmp/verbund-lbpair.XXXXXX)

step "Generating the pair's files with lb-config from a topology with lb1 $subnet.1, lb2 $subnet.2, virtual IP $vip"
jar=${LB_CONFIG_JAR:-$(compgen -G "$repo/lb-config/target/lb-config-*-cli.jar" | head -1 || true)}
if [ -z "$jar" ]; then
  (cd "$repo" && mvn -B -ntp -q package -DskipTests -pl lb-config -am -Dfrontend.skip) || fail "building lb-config failed"
  jar=$(compgen -G "$repo/lb-config/target/lb-config-*-cli.jar" | head -1)
fi
cat >"$work/topology.yaml" <<EOF
cluster: lbpair-try
virtualIp: $vip
frontends: {http: 8080, https: 8443, sip: 5060, dbMaster: 3306, dbRealtime: 3307, dbReporting: 3308, haproxyStats: 8404}
databases:
  - {name: master1, role: master, host: $subnet.11, port: 3311, serverId: 1}
  - {name: master2, role: master, host: $subnet.12, port: 3312, serverId: 2}
  - {name: replica1, role: replica, host: $subnet.13, port: 3313, serverId: 3, replicates: master1, serves: realtime}
  - {name: replica2, role: replica, host: $subnet.14, port: 3314, serverId: 4, replicates: master2, serves: reporting}
nodes:
  - {name: node-a, host: $subnet.21, portOffset: 100, roles: [web, telephony]}
loadBalancers:
  - {name: lb1, host: $subnet.1}
  - {name: lb2, host: $subnet.2}
storage: {kind: mount, source: //$subnet.31/verbund, path: /srv/verbund}
sizing: {agents: 20, concurrentCalls: 10}
EOF
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 -subj /CN=lbpair-try 2>/dev/null
cat "$work/cert.pem" "$work/key.pem" >"$work/certificate-and-key.pem"
java -jar "$jar" generate --topology "$work/topology.yaml" --out "$work/generated" --run-dir /run/verbund \
  --tls-certificate "$work/certificate-and-key.pem" >"$work/generate.out" 2>&1 || { cat "$work/generate.out"; fail "lb-config generate failed"; }
corosync-keygen -l -k "$work/authkey" >/dev/null 2>&1 || fail "corosync-keygen failed"
chmod 755 "$work"
chgrp kamailio "$work/certificate-and-key.pem" && chmod 640 "$work/certificate-and-key.pem"
# The CIB runs haproxy and Kamailio as systemd services, as on a real load balancer. Here systemd
# is not PID 1, so Pacemaker cannot reach it over D-Bus; run the same services through their
# Debian init scripts instead (class lsb). Everything else is loaded as generated.
sed 's/class="systemd"/class="lsb"/' "$work/generated/pacemaker/cib.xml" >"$work/cib.xml"
echo "   $(grep -c . "$work/generated/corosync/corosync.conf") lines corosync.conf, CIB group: $(grep -o 'primitive id="[^"]*"' "$work/cib.xml" | cut -d'"' -f2 | paste -sd' ')"
echo "   (haproxy and kamailio as lsb: instead of systemd: resources; systemd is not PID 1 here)"

step "Creating the network: bridge $bridge ($subnet.254, this machine = the client) and namespaces verbund-lb1, verbund-lb2"
ip link add "$bridge" type bridge
ip addr add "$subnet.254/24" dev "$bridge"
ip link set "$bridge" up
i=0
for lb in "${lbs[@]}"; do
  i=$((i + 1))
  ns=verbund-$lb
  ip netns add "$ns"
  ip link add "vlb$i" type veth peer name eth0 netns "$ns"
  ip link set "vlb$i" master "$bridge" up
  ip -n "$ns" addr add "$subnet.$i/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  d=$work/$lb
  mkdir -p "$d"/{etc-corosync,var-lib-corosync,var-lib-pacemaker/{cib,pengine,blackbox,cores},log-corosync,log-pacemaker/bundles,etc-haproxy,etc-kamailio}
  chown -R hacluster:haclient "$d/var-lib-pacemaker" "$d/log-pacemaker"
  chmod 750 "$d"/var-lib-pacemaker/*
  chmod 770 "$d/log-pacemaker"
  cp "$work/generated/corosync/corosync.conf" "$d/etc-corosync/"
  install -m 400 "$work/authkey" "$d/etc-corosync/authkey"
  cp "$work/generated/haproxy/haproxy.cfg" "$d/etc-haproxy/"
  cp "$work/generated/kamailio/kamailio.cfg" "$d/etc-kamailio/"
  echo RUN_KAMAILIO=yes >"$d/default-kamailio"
done

step "Starting corosync and Pacemaker in each namespace (the first DC election waits out dc-deadtime, 20 s)"
for lb in "${lbs[@]}"; do
  ip netns exec "verbund-$lb" unshare --mount --uts --propagation private bash "$self" boot-load-balancer "$lb" "$work/$lb" &
  disown
done
# Runs a command inside a load balancer: its network namespace and its private mounts.
on() {
  local lb=$1; shift
  nsenter -t "$(cat "$work/$lb/boot.pid")" -m -n -u "$@"
}
for lb in "${lbs[@]}"; do
  for _ in $(seq 100); do [ -s "$work/$lb/boot.pid" ] && break; sleep 0.1; done
done
# Both must see each other first: two_node implies wait_for_all.
for _ in $(seq 600); do
  on lb1 crm_mon -1 2>/dev/null | grep -q 'Online: \[ lb1 lb2 \]' && break; sleep 0.1
done
on lb1 crm_mon -1 || { tail -n 50 "$work"/lb*/*.out; fail "Pacemaker did not come up"; }

step "Loading the CIB on lb1 (cibadmin --replace --scope configuration) and waiting for the group on one load balancer"
# Only the configuration section: a whole-CIB replace is refused ("Update was older than existing
# configuration"), since the running cluster's epoch is already above the generated file's.
on lb1 cibadmin --replace --scope configuration --xml-file "$work/cib.xml"
# Where the whole group runs: the node crm_mon shows every one of its members Started on (else nothing).
group_host() {
  on "$1" crm_mon -1 --output-as=xml 2>/dev/null | tr -d '\n' \
    | grep -o '<group id="verbund-lb"[^>]*>.*</group>' \
    | grep -o '<resource id="[^"]*"[^>]*role="Started"[^>]*>[[:space:]]*<node name="[^"]*"' \
    | grep -o 'node name="[^"]*"' | sort | uniq -c | awk -v n="$(grep -c '<primitive' "$work/cib.xml")" '$1 == n { print $3 }' \
    | cut -d'"' -f2 || true
}
for _ in $(seq 600); do active=$(group_host lb1); [ -n "$active" ] && break; sleep 0.1; done
[ -n "${active:-}" ] || { on lb1 crm_mon -1 -r; fail "the group did not start"; }
on lb1 crm_mon -1 -r
standby=lb2; [ "$active" = lb2 ] && standby=lb1
echo "   the group runs on $active"

# What a client sees at the virtual IP: which machine answers it (the MAC in this machine's ARP
# table against each load balancer's), haproxy's stats page and the services listening on it.
listening() { on "$1" ss "$2" "src $vip" | awk '{ print $4 }' | sed 's/.*://' | sort -nu | paste -sd' '; }
show_virtual_ip() {
  local lb=$1 mac page
  page=$(curl -s -m 3 "http://$vip:8404/" | grep -o 'Statistics Report for pid [0-9]*' || true)
  mac=$(ip neigh show "$vip" dev "$bridge" | grep -o 'lladdr [0-9a-f:]*' | cut -d' ' -f2)
  echo "   $vip answers from MAC ${mac:-none}; $lb's eth0 is $(on "$lb" cat /sys/class/net/eth0/address)"
  echo "   http://$vip:8404/ (haproxy stats): ${page:-no answer}; $lb's haproxy: pid $(on "$lb" cat /run/haproxy.pid)"
  echo "   listening on $vip in $lb: tcp $(listening "$lb" -Hltn), udp $(listening "$lb" -Hlun)"
}
show_virtual_ip "$active"

step "Failing $active: SIGKILL to every process in its namespace (corosync, Pacemaker, haproxy, Kamailio) and its link removed, as if it lost power"
failed_at=$(now_ms)
for pid in $(ip netns pids "verbund-$active"); do kill -9 "$pid" 2>/dev/null || true; done
ip link del "vlb${active#lb}"

step "Waiting (at most ${failover_limit}s) for $standby to run the group and for $vip to answer from it"
moved=
standby_mac=$(on "$standby" cat /sys/class/net/eth0/address)
answered=
while [ $(($(now_ms) - failed_at)) -lt $((failover_limit * 1000)) ]; do
  if [ -z "$moved" ] && [ "$(group_host "$standby")" = "$standby" ]; then
    moved=yes
    echo "   $(seconds_since "$failed_at") after the failure: crm_mon on $standby shows the group started there"
  fi
  if [ -n "$moved" ] && curl -s -m 1 "http://$vip:8404/" | grep -q 'Statistics Report' \
      && ip neigh show "$vip" dev "$bridge" | grep -q "$standby_mac"; then
    answered=$(seconds_since "$failed_at")
    echo "   $answered after the failure: $vip answers from $standby"
    break
  fi
  sleep 0.2
done
on "$standby" crm_mon -1 -r
[ -n "$answered" ] || { tail -n 30 "$work/$standby"/*.out "$work/$standby"/log-corosync/corosync.log; fail "the group did not move to $standby within ${failover_limit}s"; }
show_virtual_ip "$standby"
step "Done: the virtual IP, haproxy and Kamailio moved from $active to $standby in $answered"
