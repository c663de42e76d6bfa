#!/bin/sh
# Usage: capture.sh  (as root, with dig 9.18 installed and the reference cluster's CoreDNS at 172.18.0.2)
# Writes NAME.txt, dig's standard output, for every case of cases.txt and timeout-cases.txt.
set -e
cd "$(dirname "$0")"
grep -v '^#' cases.txt | while IFS="$(printf '\t')" read -r name args; do
  sleep 2 # CoreDNS answers one question at a time here; leave it room
  # shellcheck disable=SC2086
  dig $args > "$name.txt" || true
done
grep -v '^#' timeout-cases.txt | while IFS="$(printf '\t')" read -r name args; do
  # shellcheck disable=SC2086
  unshare -n sh -c "ip link set lo up && iptables -A OUTPUT -p udp --dport 53 -j DROP && dig $args > '$name.txt'; echo \$? > '$name.exit'" || true
done
