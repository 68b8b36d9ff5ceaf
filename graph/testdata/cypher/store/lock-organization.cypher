UNWIND $ids AS id MATCH (n:Organization {id: id}) SET n._lock = true REMOVE n._lock
