UNWIND $rows AS props CREATE (n:Goal) SET n = props RETURN {created: count(n)} AS r
