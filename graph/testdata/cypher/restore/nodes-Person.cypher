UNWIND $rows AS props CREATE (n:Person) SET n = props RETURN {created: count(n)} AS r
