# language: zh-CN
# 种子: shared/seeds/000_b5a4487dfbc02210.txt (使用服務連線應用程式), 用中文步骤重述其中的流量:
# 从节点 curl 两个 pod 的 IP 和 Service 的 <CLUSTER-IP>:<PORT>, 再从 curl pod 里 nslookup my-nginx。
# 种子里的 `kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm` 需要一个终端,
# 场景没有终端: 这里让 curl pod 运行 `sleep 3600`, 再用 kubectl exec 执行种子的 nslookup。
# 种子集群的服务网段是 10.0.0.0/16 (kube-dns 在 10.0.0.10), 这里同样设置。
@conformance @cluster-profile @node-shell
功能: 使用 Service 连接应用: 从节点和 pod 访问 nginx

  场景: 从节点访问 pod IP 和集群 IP, 从 pod 用 DNS 名字找到 Service
    假如一个服务网段为 "10.0.0.0/16" 的集群
    而且文件 "run-my-nginx.yaml":
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 2
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80
      """
    当我运行 `kubectl apply -f ./run-my-nginx.yaml`
    而且我运行 `kubectl rollout status deployment/my-nginx --timeout=120s`
    而且我记住 `kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].status.podIP}'` 为 "POD_IP_1"
    而且我记住 `kubectl get pods -l run=my-nginx -o jsonpath='{.items[1].status.podIP}'` 为 "POD_IP_2"
    而且我在节点 "kind-worker" 上运行 `curl -s http://${POD_IP_1}`
    那么命令成功
    而且输出包含 "<h1>Welcome to nginx!</h1>"
    当我在节点 "kind-worker" 上运行 `curl -s http://${POD_IP_2}`
    那么输出包含 "<h1>Welcome to nginx!</h1>"
    当我运行 `kubectl expose deployment/my-nginx`
    那么输出匹配:
      """
      service/my-nginx exposed
      """
    当我记住 `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` 为 "CLUSTER_IP"
    而且我在节点 "kind-worker2" 上运行 `curl -s ${CLUSTER_IP}:80`
    那么命令成功
    而且输出包含 "<title>Welcome to nginx!</title>"
    当我运行 `kubectl get services kube-dns --namespace=kube-system`
    那么输出匹配:
      """
      NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
      kube-dns   ClusterIP   10.0.0.10    <none>        53/UDP,53/TCP,9153/TCP   <age>
      """
    当我运行 `kubectl run curl --image=radial/busyboxplus:curl -- sleep 3600`
    而且我运行 `kubectl wait --for=condition=Ready pod/curl --timeout=120s`
    而且我在 pod "curl" 中运行 `nslookup my-nginx`
    那么输出匹配:
      """
      Server:    10.0.0.10
      Address 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local

      Name:      my-nginx
      Address 1: ${CLUSTER_IP} my-nginx.${NAMESPACE}.svc.cluster.local
      """
