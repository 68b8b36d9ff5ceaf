UNWIND $rows AS props CREATE (n:ApiToken) SET n = props
