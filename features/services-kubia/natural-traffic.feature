# Seed: shared/seeds/001_511da3bc7decc1d7.txt, chapter 5's claims told with the natural steps:
# discovery by DNS, load balancing over the pods, session affinity, headless services, and
# the ways in from outside (NodePort, LoadBalancer, Ingress).
Feature: kubia behind Services, in prose

  # radial/busyboxplus:curl has both nslookup (busybox 1.22) and curl.
  Background:
    Given a Deployment "kubia" with 3 replicas of "luksa/kubia" on port 8080
    When I expose the Deployment "kubia" on port 80 to target port 8080
    And I run `kubectl run client --image=radial/busyboxplus:curl --command -- sleep 3600`
    And I run `kubectl wait --for=condition=Ready pod/client --timeout=120s`
    # kubia takes a moment to listen after its pod is reported ready.
    And 2 seconds pass

  @conformance
  Scenario: DNS gives the ClusterIP and requests spread over the pods
    Then nslookup "kubia" from pod "client" returns the cluster IP of the Service "kubia"
    And pod "client" reaches "http://kubia.${NAMESPACE}.svc.cluster.local" and sees "You've hit kubia-"
    And 30 requests from pod "client" to "http://kubia" reach 3 different pods

  @conformance
  Scenario: With ClientIP session affinity every request reaches one pod
    When I run `kubectl patch svc kubia -p '{"spec":{"sessionAffinity":"ClientIP"}}'`
    Then 10 requests from pod "client" to "http://kubia" all reach one pod

  @conformance
  Scenario: A headless Service resolves to the pods themselves
    Given a file "kubia-headless.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kubia-headless
      spec:
        clusterIP: None
        ports:
        - port: 80
          targetPort: 8080
        selector:
          app: kubia
      """
    When I run `kubectl apply -f kubia-headless.yaml`
    Then nslookup "kubia-headless" from pod "client" returns the IPs of the pods of the Service "kubia-headless"

  @outside-client @conformance
  Scenario: From outside, through the NodePort
    When I run `kubectl patch svc kubia -p '{"spec":{"type":"NodePort"}}'`
    And I request "/" through the NodePort of the Service "kubia" from outside the cluster
    Then the output contains "You've hit kubia-"
