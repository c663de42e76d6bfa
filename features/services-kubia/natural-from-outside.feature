# Seed: shared/seeds/001_511da3bc7decc1d7.txt, 5.3 and 5.4: the ways in from outside, in prose.
# These scenarios set the cluster up themselves (a load balancer provider, ingress-nginx),
# since cluster settings come before the first command.
Feature: kubia from outside the cluster, in prose

  @loadbalancer @cluster-profile @outside-client
  Scenario: From outside, through the LoadBalancer
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    And a Deployment "kubia" with 3 replicas of "luksa/kubia" on port 8080
    When I expose the Deployment "kubia" on port 80 to target port 8080 as a LoadBalancer Service
    Then the Service "kubia" gets an external IP
    When I request "/" through the LoadBalancer of the Service "kubia" from outside the cluster
    Then the output contains "You've hit kubia-"

  @ingress @cluster-profile @outside-client
  Scenario: From outside, through an Ingress host
    Given ingress-nginx is installed
    And a Deployment "kubia" with 3 replicas of "luksa/kubia" on port 8080
    When I expose the Deployment "kubia" on port 80 to target port 8080
    And a file "kubia-ingress.yaml":
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: kubia
      spec:
        ingressClassName: nginx
        rules:
        - host: kubia.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: kubia
                  port:
                    number: 80
      """
    When I run `kubectl apply -f kubia-ingress.yaml`
    And I wait until `kubectl get pods -n ingress-nginx` outputs "1/1"
    And 2 seconds pass
    And I request "http://kubia.example.com/" through the Ingress from outside the cluster
    Then the output contains "You've hit kubia-"
