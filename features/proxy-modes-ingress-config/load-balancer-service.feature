# Seed: shared/seeds/003_d937de37f44e6993.txt, "Service的三种类型", LoadBalancer: like NodePort a
# port on every node, and the platform's load balancer in front with every node (nodeip:port)
# as a backend. kind has no cloud: a load balancer provider (as cloud-provider-kind or MetalLB)
# hands out the address. The seed shows no commands here; the web Deployment of its
# "基础准备" section is exposed as a LoadBalancer instead of a NodePort.
Feature: A LoadBalancer Service is a NodePort Service with an address in front

  @loadbalancer @cluster-profile @outside-client
  Scenario: A LoadBalancer Service also opens a NodePort on every node, behind the provider's address
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    When I run `kubectl create deployment web --image=nginx:1.18-alpine`
    And I run `kubectl rollout status deployment web`
    And I run `kubectl exec deploy/web -- sh -c 'echo "foo" > /usr/share/nginx/html/index.html'`
    And I run `kubectl expose deployment web --port=80 --type=LoadBalancer --name=web-lb`
    Then the Service "web-lb" gets an external IP
    When I run `kubectl get svc web-lb`
    Then the output matches:
      """
      NAME     TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE
      web-lb   LoadBalancer   <ip>         <ip>          80:<port>/TCP   <age>
      """
    When I run `curl -s http://${WEB_LB_EXTERNAL_IP}/` from outside the cluster
    Then the output matches:
      """
      foo
      """
    When I remember `kubectl get svc web-lb -o jsonpath='{.spec.ports[0].nodePort}'` as "LB_NODE_PORT"
    And I remember `kubectl get node kind-control-plane -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'` as "NODE_IP"
    And I run `curl -s http://${NODE_IP}:${LB_NODE_PORT}/` from outside the cluster
    Then the output matches:
      """
      foo
      """
