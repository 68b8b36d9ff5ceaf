UNWIND $rows AS props CREATE (n:ApiToken) SET n = props RETURN {created: count(n)} AS r
