UNWIND $rows AS props CREATE (n:Account) SET n = props
