UNWIND $rows AS props CREATE (n:Organization) SET n = props
