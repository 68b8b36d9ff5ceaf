MATCH (s:Skill {id: $id})
WITH s, COUNT { (:Goal)-[:ABOUT]->(s) } AS goals
CALL (s, goals) {
  WITH s WHERE goals = 0
  MATCH (:Person)-[m:MENTORED_BY]->(:Person) WHERE $id IN m.focus
  SET m.focus = [f IN m.focus WHERE f <> $id]
}
CALL (s, goals) {
  WITH s WHERE goals = 0
  DETACH DELETE s
}
RETURN {goals: goals} AS result
