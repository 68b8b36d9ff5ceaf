UNWIND $rows AS props CREATE (n:Goal) SET n = props
