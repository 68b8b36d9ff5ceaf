UNWIND $rows AS props CREATE (n:Account) SET n = props RETURN {created: count(n)} AS r
