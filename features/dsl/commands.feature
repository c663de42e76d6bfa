Feature: Running commands and judging their outcome
  The transcript DSL runs a tutorial's command lines in a shell on the user's
  machine. A failing command never fails its step: Then steps judge it.

  Scenario: One command line, its output and its success
    When I run `echo hello world`
    Then the command succeeds
    And the exit code is 0
    And the output contains "hello world"
    And the output does not contain "goodbye"

  Scenario: Pipes, lists and the output of the last command
    When I run `printf 'b\na\nc\n' | sort | head -n 2 && echo done || echo never`
    Then the output contains:
      """
      a
      b
      done
      """
    And the output does not contain "never"

  Scenario: A script runs line by line; prompts are dropped; the last line is the output
    When I run:
      """
      $ echo first > notes.txt
      $ echo second >> notes.txt
      $ cat notes.txt | wc -l
      """
    Then the output matches:
      """
      2
      """

  Scenario: A here-document spans lines, as in tutorials that write JSON files
    When I run:
      """
      cat > ca-config.json <<EOF
      {
        "signing": { "default": { "expiry": "87600h" } }
      }
      EOF
      grep -c expiry ca-config.json
      """
    Then the output contains "1"

  Scenario: An unknown command is reported as a shell reports it
    When I run `kubectll get pods`
    Then the command fails with "sh: kubectll: not found"
    And the exit code is 127

  Scenario: A failing command's error output and status
    When I run `cat no-such-file`
    Then the command fails
    And the error output contains "cat: no-such-file: No such file or directory"
    And the exit code is 1

  Scenario: A shell syntax error gets the shell's message
    When I run `echo "unterminated`
    Then the command fails with "syntax error"
    And the exit code is 2

  Scenario: Quotes and escapes inside step parameters
    When I run `echo 'say "hi"'`
    Then the output contains "say \"hi\""
