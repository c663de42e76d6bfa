"""Creates nfacct counters in the current network namespace, as kube-proxy does at start
(pkg/proxy/util/nfacct: NFNL_SUBSYS_ACCT message NFNL_MSG_ACCT_NEW with NFACCT_NAME,
include/uapi/linux/netfilter/nfnetlink_acct.h), for machines without the nfacct tool.
Usage: python3 nfacct-add.py NAME..."""
import socket
import struct
import sys

NETLINK_NETFILTER = 12
NFNL_SUBSYS_ACCT, NFNL_MSG_ACCT_NEW, NFACCT_NAME = 7, 0, 1
NLM_F_REQUEST, NLM_F_ACK, NLM_F_EXCL, NLM_F_CREATE = 0x1, 0x4, 0x200, 0x400

sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
for seq, name in enumerate(sys.argv[1:], 1):
    data = name.encode() + b'\0'
    attr = struct.pack('=HH', 4 + len(data), NFACCT_NAME) + data
    attr += b'\0' * (-len(attr) % 4)
    body = struct.pack('=BBH', socket.AF_UNSPEC, 0, 0) + attr
    flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
    sock.sendto(struct.pack('=IHHII', 16 + len(body), NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_NEW, flags, seq, 0) + body, (0, 0))
    error = struct.unpack('=i', sock.recv(4096)[16:20])[0]
    if error != 0:
        sys.exit(f'nfacct add {name}: errno {-error}')
