#!/bin/sh
# Usage: capture.sh RULES_FILE PREFIX  (as root, with iptables 1.8.9 and python3 installed)
# Loads an iptables-save file into a throw-away network namespace and prints it back.
# kube-proxy's nfacct counters are created first, as kube-proxy creates them on a kind node:
# iptables refuses a `-m nfacct` rule whose counter does not exist.
set -e
rules=$1; out=$2
here=$(cd "$(dirname "$0")" && pwd)
unshare -n sh -c "python3 '$here/nfacct-add.py' ct_state_invalid_dropped_pkts localhost_nps_accepted_pkts &&
  iptables-restore < '$rules' && iptables-save > '$out.iptables-save.txt' &&
  iptables -t nat -L -n > '$out.nat.L-n.txt' && iptables -t nat -L > '$out.nat.L.txt' &&
  iptables -t filter -L -n -v > '$out.filter.L-nv.txt' &&
  iptables -t nat -L -n -v -x --line-numbers > '$out.nat.L-nvx-line-numbers.txt' &&
  iptables -t filter -L --line-numbers > '$out.filter.L-line-numbers.txt'"
