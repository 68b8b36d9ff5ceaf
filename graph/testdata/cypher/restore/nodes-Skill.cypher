UNWIND $rows AS props CREATE (n:Skill) SET n = props RETURN {created: count(n)} AS r
