UNWIND $rows AS props CREATE (n:Organization) SET n = props RETURN {created: count(n)} AS r
