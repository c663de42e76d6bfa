# Seed: shared/seeds/003_d937de37f44e6993.txt, "Service代理模式 iptables VS ipvs": IPVS works in
# the kernel with richer schedulers (rr, wrr, lc, wlc, ip hash). The seed turns it on for a
# binary install (yum install ipvsadm, modprobe ip_vs*, kube-proxy's config file); on kind the
# mode is a cluster setting (kind's networking.kubeProxyMode: ipvs), given here by a step, and
# the node image already carries ipvsadm. Each web pod's index.html is overwritten with its
# hostname (the seed's `echo ... > /usr/share/nginx/html/index.html`) so that answers name the
# pod that served them; pod names and addresses are random: <hash>, <ip>, <ip:port>.
# "ip hash" is IPVS's sh (source hashing) scheduler.
@ipvs @node-shell @cluster-profile
Feature: kube-proxy in IPVS mode: virtual servers, kube-ipvs0 and the schedulers

  Scenario: Each Service port is an IPVS virtual server with the pods as real servers
    Given kube-proxy in IPVS mode
    When I run `kubectl create deployment web --image=nginx:1.18-alpine --replicas=3`
    And I run `kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "WEB_IP"
    And I remember `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'` as "WEB_NODE_PORT"
    And I remember `kubectl get node kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IP"
    And I run `ipvsadm -Ln` on node "kind-worker"
    Then the output matches:
      """
      IP Virtual Server version 1.2.1 (size=4096)
      Prot LocalAddress:Port Scheduler Flags
        -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
      <...>
      TCP  ${NODE_IP}:${WEB_NODE_PORT} rr
        -> <ip:port>                    Masq    1      0          0
        -> <ip:port>                    Masq    1      0          0
        -> <ip:port>                    Masq    1      0          0
      <...>
      TCP  ${WEB_IP}:80 rr
        -> <ip:port>                    Masq    1      0          0
        -> <ip:port>                    Masq    1      0          0
        -> <ip:port>                    Masq    1      0          0
      <...>
      """
    # The cluster IPs are bound to the dummy device kube-ipvs0 so that the node accepts their packets.
    When I run `ip addr show kube-ipvs0` on node "kind-worker"
    Then the output contains "inet ${WEB_IP}/32 scope global kube-ipvs0"
    And the output contains "inet 10.96.0.10/32 scope global kube-ipvs0"
    When I run `curl -s -o /dev/null -w '%{http_code}\n' http://${WEB_IP}/` on node "kind-worker"
    Then the output matches:
      """
      200
      """

  Scenario Outline: The scheduler kube-proxy is given is the one of every virtual server
    Given kube-proxy in IPVS mode with the "<scheduler>" scheduler
    When I run `kubectl create deployment web --image=nginx:1.18-alpine --replicas=2`
    And I run `kubectl expose deployment web --port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "WEB_IP"
    And I run `ipvsadm -Ln` on node "kind-worker2"
    Then the output matches:
      """
      <...>
      TCP  ${WEB_IP}:80 <scheduler>
        -> <ip:port>                    Masq    1      0          0
        -> <ip:port>                    Masq    1      0          0
      <...>
      """

    Examples:
      | scheduler |
      | rr        |
      | wrr       |
      | lc        |
      | wlc       |
      | sh        |

  Scenario Outline: rr, wrr, lc and wlc spread six requests of one client evenly over three pods
    Given kube-proxy in IPVS mode with the "<scheduler>" scheduler
    When I run `kubectl create deployment web --image=nginx:1.18-alpine --replicas=3`
    And I run `kubectl expose deployment web --port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I run `for p in $(kubectl get pods -l app=web -o name); do kubectl exec $p -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done`
    And I run `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `for i in 1 2 3 4 5 6; do wget -qO- http://web; done | sort | uniq -c` in pod "client"
    # rr and wrr (all weights 1) take the pods in turn; lc and wlc give each new connection to the
    # pod with the fewest, closed ones lingering as inactive connections, so the counts even out.
    Then the output matches:
      """
            2 web-<hash>-<hash>
            2 web-<hash>-<hash>
            2 web-<hash>-<hash>
      """

    Examples:
      | scheduler |
      | rr        |
      | wrr       |
      | lc        |
      | wlc       |

  Scenario: sh ("ip hash") hashes the client's address: one client always reaches the same pod
    Given kube-proxy in IPVS mode with the "sh" scheduler
    When I run `kubectl create deployment web --image=nginx:1.18-alpine --replicas=3`
    And I run `kubectl expose deployment web --port=80 --name=web`
    And I run `kubectl rollout status deployment web`
    And I run `for p in $(kubectl get pods -l app=web -o name); do kubectl exec $p -- sh -c 'hostname > /usr/share/nginx/html/index.html'; done`
    And I run `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `for i in 1 2 3 4 5 6; do wget -qO- http://web; done | sort | uniq -c` in pod "client"
    Then the output matches:
      """
            6 web-<hash>-<hash>
      """
