# Seed: shared/seeds/000_b5a4487dfbc02210.txt, told in the natural steps instead of kubectl lines.
@conformance
Feature: Connecting applications with services, in prose

  Scenario: A Service in front of a Deployment, and pods that come and go
    Given a Deployment "my-nginx" with 2 replicas of "nginx" labelled "run=my-nginx" on port 80
    When I expose the Deployment "my-nginx" on port 80
    Then the Service "my-nginx" has a cluster IP
    And the endpoints of the Service "my-nginx" are the pods of the Deployment "my-nginx"
    And the environment of a pod of the Deployment "my-nginx" does not hold the variables of the Service "my-nginx"
    When a pod of the Deployment "my-nginx" is deleted
    Then the endpoints of the Service "my-nginx" are the pods of the Deployment "my-nginx"
    And the Service "my-nginx" keeps its cluster IP
    And the environment of a pod of the Deployment "my-nginx" holds the variables of the Service "my-nginx"

  @loadbalancer @cluster-profile
  Scenario: A LoadBalancer Service gets an external IP
    Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"
    And a Deployment "my-nginx" with 1 replica of "nginx" on port 80
    When I expose the Deployment "my-nginx" on port 80 as a LoadBalancer Service
    Then the Service "my-nginx" gets an external IP
