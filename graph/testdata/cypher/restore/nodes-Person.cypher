UNWIND $rows AS props CREATE (n:Person) SET n = props
