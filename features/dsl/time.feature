Feature: Time and waiting
  On the memory backend time is virtual: it moves only when a scenario lets it.

  Scenario: Seconds pass
    When 30 seconds pass
    And I run `echo after`
    Then the output contains "after"

  Scenario: Waiting until a command prints something
    When I run `echo not-yet > state.txt`
    And I wait until `cat state.txt` outputs "not-yet"
    Then the output contains "not-yet"
