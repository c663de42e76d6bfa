# Seed: shared/seeds/000_b5a4487dfbc02210.txt ("Connecting Applications with Services", kubernetes.io).
# The tutorial's outputs come from an old cluster: pod names with numeric hashes
# (my-nginx-3800858182-jr4a2), nodes named kubernetes-minion-*, a 10.0.0.0/16 service
# range and kubectl columns of its day. The scenarios keep every command as typed and
# match the outputs a kind cluster with kubectl 1.31 prints, with placeholders for
# names, IPs and ages; the 10.0.0.0/16 range is requested where the seed's addresses matter.
@conformance
Feature: Connecting applications with services: objects, endpoints and environment
  A Deployment's pods get their own IPs, a Service gets a stable ClusterIP, and
  its EndpointSlices list the pods.

  Background:
    Given a file "run-my-nginx.yaml":
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

  Scenario: The pods of the deployment run on the nodes with their own IPs
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    Then the output contains "deployment.apps/my-nginx created"
    When I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl get pods -l run=my-nginx -o wide`
    Then the output matches:
      """
      NAME                        READY   STATUS    RESTARTS   AGE   IP      NODE    NOMINATED NODE   READINESS GATES
      my-nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      my-nginx-<hash>-<hash>   1/1     Running   0          <age>   <ip>   <any>
      """
    When I run `kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs`
    Then the output matches:
      """
      POD_IP
      [map[ip:<ip>]]
      [map[ip:<ip>]]
      """

  Scenario: kubectl expose gives the deployment a Service with a ClusterIP
    Given a cluster whose service range is "10.0.0.0/16"
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl expose deployment/my-nginx`
    Then the output matches:
      """
      service/my-nginx exposed
      """
    When I run `kubectl get svc my-nginx`
    Then the output matches:
      """
      NAME       TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
      my-nginx   ClusterIP   <ip>   <none>        80/TCP    <age>
      """
    And the output contains "10.0."

  Scenario: The Service the YAML describes is the one expose makes, and its endpoints are the pods
    Given a file "my-nginx-svc.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx
      """
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl apply -f my-nginx-svc.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl describe svc my-nginx`
    # kubectl 1.31 adds Internal Traffic Policy, absent from the seed's older output.
    Then the output matches:
      """
      Name:                     my-nginx
      Namespace:                ${NAMESPACE}
      Labels:                   run=my-nginx
      Annotations:              <none>
      Selector:                 run=my-nginx
      Type:                     ClusterIP
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       <ip>
      IPs:                      <ip>
      Port:                     <unset>  80/TCP
      TargetPort:               80/TCP
      Endpoints:                <ip:port>,<ip:port>
      Session Affinity:         None
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      """
    When I run `kubectl get endpointslices -l kubernetes.io/service-name=my-nginx`
    Then the output matches:
      """
      NAME             ADDRESSTYPE   PORTS   ENDPOINTS               AGE
      my-nginx-<hash>   IPv4          80      <ip>,<ip>   <age>
      """

  Scenario: Pods started before the Service do not see its environment variables
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- printenv | grep SERVICE`
    Then the output contains "KUBERNETES_SERVICE_HOST="
    And the output contains "KUBERNETES_SERVICE_PORT=443"
    And the output contains "KUBERNETES_SERVICE_PORT_HTTPS=443"
    And the output does not contain "MY_NGINX_SERVICE_HOST"

  Scenario: Pods recreated after the Service see its variables
    When I run `kubectl apply -f ./run-my-nginx.yaml`
    And I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I run `kubectl expose deployment/my-nginx`
    And I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;`
    Then the output contains "deployment.apps/my-nginx scaled"
    When I run `kubectl rollout status deployment/my-nginx --timeout=120s`
    And I remember `kubectl get pods -l run=my-nginx --field-selector=status.phase=Running -o jsonpath='{.items[0].metadata.name}'` as "POD"
    And I run `kubectl exec ${POD} -- printenv | grep SERVICE | sort`
    Then the output matches:
      """
      KUBERNETES_SERVICE_HOST=<ip>
      KUBERNETES_SERVICE_PORT=443
      KUBERNETES_SERVICE_PORT_HTTPS=443
      MY_NGINX_SERVICE_HOST=${CLUSTER_IP}
      MY_NGINX_SERVICE_PORT=80
      """

  Scenario: The cluster's DNS add-on is the kube-dns Service
    Given a cluster whose service range is "10.0.0.0/16"
    When I run `kubectl get services kube-dns --namespace=kube-system`
    # kind's CoreDNS also exposes its metrics port 9153, which the seed's cluster did not.
    Then the output matches:
      """
      NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
      kube-dns   ClusterIP   10.0.0.10    <none>        53/UDP,53/TCP,9153/TCP   <age>
      """
