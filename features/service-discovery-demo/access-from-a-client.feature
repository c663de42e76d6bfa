# Seed: shared/seeds/002_1a5e9363bdc4512e.txt (Alibaba Cloud course, "二、用例解读" and
# "三、操作演示"). The demo's manifests and outputs are screenshots: the scenarios write
# the objects the text describes (two nginx pods labelled run=nginx behind the Service
# nginx, port 80 to 80; a client pod that has wget and no curl, here busybox) and assert
# what the text says of each command. Its ACK addresses (pod IPs 10.0.0.12 / 10.0.0.135,
# VIP 172.29.3.27, SLB 39.98.21.187) become placeholders; a kind load balancer provider
# stands in for the SLB. A second passes after each rollout, as while one types.
Feature: Reaching a Service from a client pod and from outside the cluster

  Background:
    Given a file "service.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx
      spec:
        replicas: 2
        selector:
          matchLabels:
            run: nginx
        template:
          metadata:
            labels:
              run: nginx
          spec:
            containers:
            - name: nginx
              image: nginx
              ports:
              - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx
      spec:
        selector:
          run: nginx
        ports:
        - protocol: TCP
          port: 80
          targetPort: 80
      """
    And a file "client.yaml":
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
        - name: client
          image: busybox
          command: ["sleep", "3600"]
      """

  # "Service 语法": my-service, label app: my-service, selects app: MyApp, TCP 80 -> 9376.
  # Pods serving on 9376 are agnhost netexec, which answers /hostname with its pod's name.
  # The course writes `kubectl created` and `kubectl discribe`; kubectl refuses both.
  @conformance
  Scenario: my-service sends port 80 to port 9376 of the app=MyApp pods
    Given a file "my-service.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-service
        labels:
          app: my-service
      spec:
        selector:
          app: MyApp
        ports:
        - protocol: TCP
          port: 80
          targetPort: 9376
      """
    And a file "myapp.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: myapp
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: MyApp
        template:
          metadata:
            labels:
              app: MyApp
          spec:
            containers:
            - name: myapp
              image: registry.k8s.io/e2e-test-images/agnhost:2.39
              args: ["netexec", "--http-port=9376"]
              ports:
              - containerPort: 9376
      """
    When I run `kubectl created -f my-service.yaml`
    Then the command fails with "unknown command \"created\" for \"kubectl\""
    When I run `kubectl apply -f my-service.yaml`
    Then the output contains "service/my-service created"
    When I run `kubectl apply -f myapp.yaml`
    And I run `kubectl rollout status deployment/myapp --timeout=120s`
    And 1 seconds pass
    And I run `kubectl discribe service`
    Then the command fails with "unknown command \"discribe\" for \"kubectl\""
    When I run `kubectl describe service my-service`
    Then the output matches:
      """
      Name:                     my-service
      Namespace:                ${NAMESPACE}
      Labels:                   app=my-service
      Annotations:              <none>
      Selector:                 app=MyApp
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       <ip>
      IPs:                      <ip>
      Port:                     <unset>  80/TCP
      TargetPort:               9376/TCP
      Endpoints:                <ip>:9376,<ip>:9376
      Session Affinity:         None
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      """
    When I run `kubectl apply -f client.yaml`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl get pods -l app=MyApp -o name | sed 's|pod/||' | sort`
    And I remember the output as "MYAPP_PODS"
    And I run `for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do wget -qO- my-service:80/hostname; echo; done | sort -u` in pod "client"
    Then the output matches:
      """
      ${MYAPP_PODS}
      """

  # "集群内访问 Service ... 有三种方式": the VIP, the name (and name.namespace), the
  # environment variables. The client pod is created after the Service, so it has them.
  @conformance
  Scenario: A client pod without curl reaches the Service by VIP, by name and by environment variables
    When I run `kubectl create -f service.yaml`
    And I run `kubectl rollout status deployment/nginx --timeout=120s`
    And I run `kubectl get pod -o wide -l run=nginx`
    Then the output matches:
      """
      NAME                     READY   STATUS    RESTARTS   AGE   IP     NODE    NOMINATED NODE   READINESS GATES
      nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      """
    When I run `kubectl apply -f client.yaml`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl get pod client`
    Then the output matches:
      """
      NAME     READY   STATUS    RESTARTS   AGE
      client   1/1     Running   0          <age>
      """
    When I remember `kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'` as "VIP"
    And I run `curl ${VIP}` in pod "client"
    Then the exit code is 127
    And the error output contains "sh: curl: not found"
    When I run `wget -qO- ${VIP}` in pod "client"
    Then the command succeeds
    And the output contains "<title>Welcome to nginx!</title>"
    When I run `wget -qO- nginx` in pod "client"
    Then the output contains "<title>Welcome to nginx!</title>"
    When I run `wget -qO- nginx.${NAMESPACE}` in pod "client"
    Then the output contains "<title>Welcome to nginx!</title>"
    # from another namespace the short name does not resolve, name.namespace does
    When I run `kubectl create namespace other`
    And I run `kubectl run client -n other --image=busybox --restart=Never -- sleep 3600`
    And I run `kubectl wait -n other --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl exec -n other client -- wget -qO- nginx`
    Then the command fails with "wget: bad address 'nginx'"
    When I run `kubectl exec -n other client -- wget -qO- nginx.${NAMESPACE}`
    Then the command succeeds
    And the output contains "<title>Welcome to nginx!</title>"
    When I run `env | grep ^NGINX_ | sort` in pod "client"
    Then the output matches:
      """
      NGINX_PORT=tcp://${VIP}:80
      NGINX_PORT_80_TCP=tcp://${VIP}:80
      NGINX_PORT_80_TCP_ADDR=${VIP}
      NGINX_PORT_80_TCP_PORT=80
      NGINX_PORT_80_TCP_PROTO=tcp
      NGINX_SERVICE_HOST=${VIP}
      NGINX_SERVICE_PORT=80
      """
    When I run `wget -qO- $NGINX_SERVICE_HOST:$NGINX_SERVICE_PORT` in pod "client"
    Then the output contains "<title>Welcome to nginx!</title>"
    # "四、架构设计": the client first asks CoreDNS, which answers the Service IP
    When I run `nslookup nginx` in pod "client"
    Then the output matches:
      """
      Server:		10.96.0.10
      Address:	10.96.0.10:53

      Name:	nginx.${NAMESPACE}.svc.cluster.local
      Address: ${VIP}
      <...>
      """

  # "Headless Service": clusterIP: None; the name resolves to every pod's IP (A records),
  # the list follows the pods, and the client picks an address itself.
  @conformance
  Scenario: A headless Service resolves to the pods' own IPs, which follow the pods
    Given a file "headless.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx-headless
      spec:
        clusterIP: None
        selector:
          run: nginx
        ports:
        - protocol: TCP
          port: 80
          targetPort: 80
      """
    When I run `kubectl create -f service.yaml`
    And I run `kubectl create -f headless.yaml`
    Then the output contains "service/nginx-headless created"
    When I run `kubectl get svc nginx-headless`
    Then the output matches:
      """
      NAME             TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      nginx-headless   ClusterIP   None         <none>        80/TCP    <age>
      """
    When I run `kubectl rollout status deployment/nginx --timeout=120s`
    And 1 seconds pass
    And I run `kubectl apply -f client.yaml`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    And I run `kubectl get pods -l run=nginx -o jsonpath='{.items[*].status.podIP}' | tr ' ' '\n' | sort`
    And I remember the output as "POD_IPS"
    And I run `nslookup nginx-headless | sed -n 's/^Address: //p' | sort` in pod "client"
    Then the output matches:
      """
      ${POD_IPS}
      """
    When I run `env | grep -c NGINX_HEADLESS` in pod "client"
    Then the output matches:
      """
      0
      """
    When I remember `kubectl get pods -l run=nginx -o jsonpath='{.items[0].status.podIP}'` as "FIRST_IP"
    And I run `wget -qO- ${FIRST_IP}` in pod "client"
    Then the output contains "<title>Welcome to nginx!</title>"
    When I remember `kubectl get pods -l run=nginx -o jsonpath='{.items[0].metadata.name}'` as "VICTIM"
    And I run `kubectl delete pod ${VICTIM}`
    And I run `kubectl rollout status deployment/nginx --timeout=120s`
    And I wait until `kubectl get endpoints nginx-headless` outputs ","
    And I run `kubectl get pods -l run=nginx -o jsonpath='{.items[*].status.podIP}' | tr ' ' '\n' | sort`
    And I remember the output as "NEW_POD_IPS"
    And I remember `kubectl get pods -l run=nginx --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[1].status.podIP}'` as "NEW_IP"
    # CoreDNS caches answers for up to 30 s (cache 30 in kind's Corefile)
    And I wait until `kubectl exec client -- nslookup nginx-headless` outputs "${NEW_IP}"
    And I run `nslookup nginx-headless | sed -n 's/^Address: //p' | sort` in pod "client"
    Then the output matches:
      """
      ${NEW_POD_IPS}
      """
    And the output does not contain "${FIRST_IP}"

  # "向集群外暴露 Service": NodePort opens a port on every node that leads to the VIP.
  @conformance
  Scenario: As a NodePort Service, nginx answers on every node's address from outside
    When I run `kubectl create -f service.yaml`
    And I run `kubectl rollout status deployment/nginx --timeout=120s`
    And 1 seconds pass
    And I run `kubectl patch svc nginx -p '{"spec":{"type":"NodePort"}}'`
    Then the output contains "service/nginx patched"
    When I remember `kubectl get svc nginx -o jsonpath='{.spec.ports[0].nodePort}'` as "NODE_PORT"
    And I remember `kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IPS"
    And I run `for ip in ${NODE_IPS}; do curl -s $ip:${NODE_PORT} | grep '<title>'; done` from outside the cluster
    Then the output matches:
      """
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      <title>Welcome to nginx!</title>
      """
    When I remember `kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'` as "VIP"
    And I run `curl -s --connect-timeout 2 ${VIP}` from outside the cluster
    Then the exit code is 28

  # "三、操作演示", end: the demo edits service.yaml to add type: LoadBalancer, applies it,
  # reads EXTERNAL-IP with get svc -o wide, opens it from outside, then deletes a pod: the
  # VIP and the external address stay and keep answering. "四、架构设计": the external
  # address leads through kube-proxy's rules to the same KUBE-SVC chain as the VIP
  # (KUBE-SVC-2CMXP7HKUVJN7L6M hashes "default/nginx" + "tcp").
  @loadbalancer @cluster-profile @iptables-rules @node-shell
  Scenario: As a LoadBalancer Service, nginx answers on its external IP while its pods change
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    And a file "service-lb.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: nginx
      spec:
        type: LoadBalancer
        selector:
          run: nginx
        ports:
        - protocol: TCP
          port: 80
          targetPort: 80
      """
    When I run `kubectl create -f service.yaml`
    And I run `kubectl rollout status deployment/nginx --timeout=120s`
    And 1 seconds pass
    And I remember `kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'` as "VIP"
    And I run `kubectl apply -f service-lb.yaml`
    Then the output contains "service/nginx configured"
    When I wait until `kubectl get svc nginx -o wide` outputs "172.18.255."
    Then the output matches:
      """
      NAME    TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE   SELECTOR
      nginx   LoadBalancer   ${VIP}       <ip>             80:<port>/TCP   <age>   run=nginx
      """
    When I remember `kubectl get svc nginx -o jsonpath='{.status.loadBalancer.ingress[0].ip}'` as "LB_IP"
    And I run `curl -s ${LB_IP}` from outside the cluster
    Then the command succeeds
    And the output contains "<title>Welcome to nginx!</title>"
    When I run `iptables-save -t nat | grep -- '-A KUBE-SERVICES' | grep 'default/nginx'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-SERVICES -d ${VIP}/32 -p tcp -m comment --comment "default/nginx cluster IP" -m tcp --dport 80 -j KUBE-SVC-2CMXP7HKUVJN7L6M
      -A KUBE-SERVICES -d ${LB_IP}/32 -p tcp -m comment --comment "default/nginx loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-2CMXP7HKUVJN7L6M
      """
    When I run `iptables-save -t nat | grep -- '-A KUBE-EXT-2CMXP7HKUVJN7L6M'` on node "kind-worker"
    Then the output matches:
      """
      -A KUBE-EXT-2CMXP7HKUVJN7L6M -m comment --comment "masquerade traffic for default/nginx external destinations" -j KUBE-MARK-MASQ
      -A KUBE-EXT-2CMXP7HKUVJN7L6M -j KUBE-SVC-2CMXP7HKUVJN7L6M
      """
    When I run `kubectl delete pod -l run=nginx`
    And I run `kubectl rollout status deployment/nginx --timeout=120s`
    And I wait until `kubectl get endpoints nginx` outputs ","
    And 1 seconds pass
    And I run `kubectl describe svc nginx`
    Then the output contains "IP:                       ${VIP}"
    And the output contains "LoadBalancer Ingress:     ${LB_IP}"
    When I run `curl -s ${LB_IP}` from outside the cluster
    Then the output contains "<title>Welcome to nginx!</title>"
