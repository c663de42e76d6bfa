# Seed: shared/seeds/001_511da3bc7decc1d7.txt ("Kubernetes in Action" ch. 5), 5.2.2 and 5.2.3:
# a Service without a selector sends traffic to the Endpoints written by hand, and an
# ExternalName Service is a DNS alias (a CNAME) for a name outside the cluster. The book's
# 11.11.11.11 and 22.22.22.22 are not servers a test cluster can reach: the first scenario
# writes the address of a pod running kubia into the Endpoints instead. api.somecompany.com
# does not exist: the scenario declares it, with the address 203.0.113.7 (documentation range).
Feature: Services for kubia: Endpoints by hand and an alias for an outside service

  @conformance
  Scenario: A Service without a selector forwards to the Endpoints written by hand
    Given a file "external-service.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: external-service
      spec:
        ports:
        - port: 80
      """
    When I run `kubectl run kubia-backend --image=luksa/kubia --port=8080`
    And I run `kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity`
    And I run `kubectl wait --for=condition=Ready pod/kubia-backend pod/dnsutils --timeout=120s`
    And I remember `kubectl get pod kubia-backend -o jsonpath='{.status.podIP}'` as "BACKEND_IP"
    And I run `kubectl create -f external-service.yaml`
    And I remember `kubectl get svc external-service -o jsonpath='{.spec.clusterIP}'` as "CLUSTER_IP"
    And I run `curl -s -m 2 http://${CLUSTER_IP}` in pod "kubia-backend"
    Then the command fails
    Given a file "external-service-endpoints.yaml":
      """
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: external-service
      subsets:
        - addresses:
          - ip: ${BACKEND_IP}
          ports:
          - port: 8080
      """
    When I run `kubectl create -f external-service-endpoints.yaml`
    And I run `kubectl get endpoints external-service`
    Then the output matches:
      """
      NAME               ENDPOINTS            AGE
      external-service   ${BACKEND_IP}:8080   <age>
      """
    When I wait until `kubectl exec kubia-backend -- curl -s -m 2 http://external-service` outputs "You've hit"
    Then the output matches:
      """
      You've hit kubia-backend
      """
    When I run `nslookup external-service` in pod "dnsutils"
    Then the output matches:
      """
      Server:		<ip>
      Address:	<ip>#53

      Name:	external-service.${NAMESPACE}.svc.cluster.local
      Address: ${CLUSTER_IP}

      """

  @cluster-profile
  Scenario: An ExternalName Service resolves to the outside name as a CNAME
    Given the external name "api.somecompany.com" resolves to "203.0.113.7"
    And a file "external-service-externalname.yaml":
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: external-service
      spec:
        type: ExternalName
        externalName: api.somecompany.com
        ports:
        - port: 80
      """
    When I run `kubectl create -f external-service-externalname.yaml`
    And I run `kubectl run dnsutils --image=tutum/dnsutils --command -- sleep infinity`
    And I run `kubectl wait --for=condition=Ready pod/dnsutils --timeout=120s`
    And I run `nslookup external-service.${NAMESPACE}.svc.cluster.local` in pod "dnsutils"
    Then the output matches:
      """
      Server:		<ip>
      Address:	<ip>#53

      external-service.${NAMESPACE}.svc.cluster.local	canonical name = api.somecompany.com.
      Name:	api.somecompany.com
      Address: 203.0.113.7

      """
    When I run `dig +short external-service.${NAMESPACE}.svc.cluster.local` in pod "dnsutils"
    Then the output matches:
      """
      api.somecompany.com.
      203.0.113.7
      """
