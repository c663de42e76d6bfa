# Seed: shared/seeds/003_d937de37f44e6993.txt, "基础准备" (the web and web1 Deployments of
# nginx:1.18-alpine exposed as NodePort Services), "Service的三种类型" and "service DNS名称".
# The seed's pod names (web-65b7447c7-ctdlr ...), cluster IPs and NodePorts are random: the
# scenarios match them with <hash>, <ip> and <port> and remember them for later commands.
# `kubectl exec -it POD -- bash` is interactive; the seed's `echo "foo" > .../index.html` typed
# in that shell runs here through `kubectl exec POD -- sh -c`. nginx:1.18-alpine has no bash
# (the seed's "root@web-...:/#" prompt came from an older Debian-based web pod), which one
# scenario shows. The seed's node 192.168.56.14 is a kind node address here.
Feature: The web and web1 NodePort Services, their DNS names and where they answer

  Background:
    When I run:
      """
      $ kubectl create deployment web --image=nginx:1.18-alpine
      $ kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web
      $ kubectl create deployment web1 --image=nginx:1.18-alpine
      $ kubectl expose deployment web1 --port=80 --type=NodePort --target-port=80 --name=web1
      """
    And I run `kubectl rollout status deployment web`
    And I run `kubectl rollout status deployment web1`

  @conformance
  Scenario: Two Deployments, two NodePort Services, each with a stable cluster IP
    When I run `kubectl get pod`
    Then the output matches:
      """
      NAME                     READY   STATUS    RESTARTS   AGE
      web-<hash>-<hash>        1/1     Running   0          <age>
      web1-<hash>-<hash>       1/1     Running   0          <age>
      """
    When I run `kubectl get svc web web1`
    Then the output matches:
      """
      NAME   TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE
      web    NodePort   <ip>         <none>        80:<port>/TCP   <age>
      web1   NodePort   <ip>         <none>        80:<port>/TCP   <age>
      """
    And the Service "web" has a cluster IP
    And the endpoints of the Service "web" are the pods of the Deployment "web"
    And the endpoints of the Service "web1" are the pods of the Deployment "web1"

  @conformance @node-shell @outside-client
  Scenario: Writing index.html in a pod changes what its Service answers, inside and outside the cluster
    When I remember `kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'` as "WEB_POD"
    And I remember `kubectl get pods -l app=web1 -o jsonpath='{.items[0].metadata.name}'` as "WEB1_POD"
    And I run `kubectl exec ${WEB_POD} -- sh -c 'echo "foo" > /usr/share/nginx/html/index.html'`
    And I run `kubectl exec ${WEB1_POD} -- sh -c 'echo "bar" > /usr/share/nginx/html/index.html'`
    And I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "WEB_IP"
    And I remember `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'` as "WEB_NODE_PORT"
    And I remember `kubectl get svc web1 -o jsonpath='{.spec.ports[0].nodePort}'` as "WEB1_NODE_PORT"
    And I remember `kubectl get node kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IP"
    # From a node: the cluster IP works there too.
    And I run `curl -s http://${WEB_IP}/` on node "kind-worker2"
    Then the output matches:
      """
      foo
      """
    # From outside: <NodeIP>:<NodePort> on any node, whichever node runs the pod.
    When I run `curl -s http://${NODE_IP}:${WEB_NODE_PORT}/` from outside the cluster
    Then the output matches:
      """
      foo
      """
    When I run `curl -s http://${NODE_IP}:${WEB1_NODE_PORT}/` from outside the cluster
    Then the output matches:
      """
      bar
      """

  @conformance
  Scenario: nginx:1.18-alpine has no bash, only busybox sh
    When I remember `kubectl get pods -l app=web1 -o jsonpath='{.items[0].metadata.name}'` as "WEB1_POD"
    And I run `kubectl exec ${WEB1_POD} -- bash`
    Then the command fails
    And the error output contains "exec: \"bash\": executable file not found in $PATH"
    When I run `kubectl exec ${WEB1_POD} -- sh -c 'echo "bar" > /usr/share/nginx/html/index.html; cat /usr/share/nginx/html/index.html'`
    Then the output matches:
      """
      bar
      """

  @conformance @outside-client
  Scenario: A ClusterIP is for the cluster only; the NodePort opens the Service outside
    When I remember `kubectl get svc web -o jsonpath='{.spec.clusterIP}'` as "WEB_IP"
    And I remember `kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'` as "WEB_NODE_PORT"
    And I remember `kubectl get node kind-worker2 -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IP"
    And I run `curl -s --max-time 3 http://${WEB_IP}/` from outside the cluster
    Then the exit code is 28
    When I run `curl -s -o /dev/null -w '%{http_code}\n' http://${NODE_IP}:${WEB_NODE_PORT}/` from outside the cluster
    Then the output matches:
      """
      200
      """

  @conformance
  Scenario: The A record of a ClusterIP Service is <service-name>.<namespace-name>.svc.cluster.local
    When I run `kubectl create namespace config`
    And I run `kubectl create deployment web2 -n config --image=nginx:1.18-alpine`
    And I run `kubectl expose deployment web2 -n config --port=80 --name=web2`
    And I run `kubectl rollout status deployment web2 -n config`
    And I run `kubectl exec -n config deploy/web2 -- sh -c 'echo "web2 in config" > /usr/share/nginx/html/index.html'`
    And I remember `kubectl get svc web2 -n config -o jsonpath='{.spec.clusterIP}'` as "WEB2_IP"
    And I run `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl exec client -- nslookup web2.config.svc.cluster.local`
    Then the output matches:
      """
      Server:		10.96.0.10
      Address:	10.96.0.10:53

      Name:	web2.config.svc.cluster.local
      Address: ${WEB2_IP}
      <...>
      """
    When I run `kubectl exec client -- wget -qO- http://web2.config.svc.cluster.local`
    Then the output matches:
      """
      web2 in config
      """
    # The short name only finds Services of the pod's own namespace (its resolv.conf search list).
    When I run `kubectl exec client -- cat /etc/resolv.conf`
    Then the output contains "search ${NAMESPACE}.svc.cluster.local svc.cluster.local cluster.local"
    When I run `kubectl exec client -- nslookup web2`
    Then the command fails
    When I run `kubectl exec client -- nslookup web.${NAMESPACE}.svc.cluster.local`
    Then the output contains "Name:	web.${NAMESPACE}.svc.cluster.local"

  @conformance
  Scenario: The Service finds its pods by label: a relabelled pod leaves it, the replacement joins
    When I remember `kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'` as "WEB_POD"
    And I remember `kubectl get pod ${WEB_POD} -o jsonpath='{.status.podIP}'` as "WEB_POD_IP"
    And I run `kubectl label pod ${WEB_POD} app=debug --overwrite`
    Then the output contains "pod/${WEB_POD} labeled"
    When I run `kubectl rollout status deployment web`
    Then the endpoints of the Service "web" are the pods of the Deployment "web"
    When I run `kubectl get endpoints web -o jsonpath='{.subsets[*].addresses[*].ip}'`
    Then the output does not contain "${WEB_POD_IP}"
    When I run `kubectl get pods -l app=web -o name`
    Then the output does not contain "${WEB_POD}"

  @conformance
  Scenario: CoreDNS runs as pods behind kube-dns and answers for a Service as soon as it exists
    When I run `kubectl get pods -n kube-system -l k8s-app=kube-dns`
    Then the output matches:
      """
      NAME                       READY   STATUS    RESTARTS   AGE
      coredns-<hash>-<hash>      1/1     Running   0          <age>
      coredns-<hash>-<hash>      1/1     Running   0          <age>
      """
    When I run `kubectl get configmap coredns -n kube-system -o jsonpath='{.data.Corefile}'`
    Then the output contains "kubernetes cluster.local in-addr.arpa ip6.arpa {"
    When I run `kubectl run client --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl create service clusterip web3 --tcp=80:80`
    And I remember `kubectl get svc web3 -o jsonpath='{.spec.clusterIP}'` as "WEB3_IP"
    And I run `kubectl exec client -- nslookup web3.${NAMESPACE}.svc.cluster.local`
    Then the output contains "Address: ${WEB3_IP}"
