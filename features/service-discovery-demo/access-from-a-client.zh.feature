# language: zh-CN
# 种子: shared/seeds/002_1a5e9363bdc4512e.txt (阿里云课程 "三、操作演示")。
# 演示里的清单和输出都是截图: 这里按正文写出两个带 run=nginx 标签的 nginx pod、Service nginx
# (80 -> 80) 和一个有 wget 没有 curl 的客户端 pod (busybox)。ACK 上的地址
# (10.0.0.12、10.0.0.135、172.29.3.27) 用占位符匹配。rollout 之后过 1 秒, 如同人敲下一条命令。
功能: 客户端 pod 访问 Service 的三种方式

  背景:
    假如文件 "service.yaml":
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
    而且文件 "client.yaml":
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

  @conformance
  场景: 通过虚拟 IP、服务名、服务名加 namespace 和环境变量访问 nginx
    当我运行 `kubectl create -f service.yaml`
    那么输出包含 "deployment.apps/nginx created"
    而且输出包含 "service/nginx created"
    当我运行 `kubectl rollout status deployment/nginx --timeout=120s`
    而且过了 1 秒
    而且我运行 `kubectl describe svc nginx`
    那么输出匹配:
      """
      <...>
      Selector:                 run=nginx
      Type:                     ClusterIP
      <...>
      Port:                     <unset>  80/TCP
      TargetPort:               80/TCP
      Endpoints:                <ip>:80,<ip>:80
      <...>
      """
    当我运行 `kubectl apply -f client.yaml`
    而且我运行 `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    那么命令成功
    当我记住 `kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'` 为 "VIP"
    而且我在 pod "client" 中运行 `curl ${VIP}`
    那么退出码为 127
    当我在 pod "client" 中运行 `wget -qO- ${VIP}`
    那么命令成功
    而且输出包含 "<h1>Welcome to nginx!</h1>"
    当我在 pod "client" 中运行 `wget -qO- nginx`
    那么输出包含 "<h1>Welcome to nginx!</h1>"
    当我在 pod "client" 中运行 `wget -qO- nginx.${NAMESPACE}`
    那么输出包含 "<h1>Welcome to nginx!</h1>"
    当我在 pod "client" 中运行 `env`
    那么输出包含 "NGINX_SERVICE_HOST=${VIP}"
    而且输出包含 "NGINX_SERVICE_PORT=80"
    当我在 pod "client" 中运行 `wget -qO- $NGINX_SERVICE_HOST:$NGINX_SERVICE_PORT`
    那么输出包含 "<h1>Welcome to nginx!</h1>"
    当我从集群外运行 `curl -s --connect-timeout 2 ${VIP}`
    那么退出码为 28
