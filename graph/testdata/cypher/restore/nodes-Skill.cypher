UNWIND $rows AS props CREATE (n:Skill) SET n = props
