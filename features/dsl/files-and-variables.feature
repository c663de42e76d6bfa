Feature: Files and remembered values
  Tutorials write manifests to files and copy values (IPs, ports) from one
  output into the next command.

  Scenario: A file written by the scenario is read by later commands
    Given a file "conf/default.conf":
      """
      server {
          listen 80 default_server;
          listen 443 ssl;
      }
      """
    When I run `grep -c listen conf/default.conf`
    Then the output contains "2"

  Scenario: Remember an output and use it in later steps, doc strings and tables
    When I run `echo 10.96.162.149`
    And I remember the output as "CLUSTER_IP"
    And I run `echo curl http://${CLUSTER_IP}:80`
    Then the output contains "curl http://10.96.162.149:80"
    Given a file "ip.txt":
      """
      ${CLUSTER_IP}
      """
    When I run `cat ip.txt`
    Then the output matches:
      """
      10.96.162.149
      """

  Scenario: Remember a command's output directly
    When I remember `printf '  31704  \n'` as "NODE_PORT"
    And I run `echo port=${NODE_PORT}`
    Then the output contains "port=31704"

  Scenario: The shell's own variables are left to the shell
    When I run `X=shell; echo ${X}`
    Then the output contains "shell"
