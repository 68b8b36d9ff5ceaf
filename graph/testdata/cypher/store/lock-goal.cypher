UNWIND $ids AS id MATCH (n:Goal {id: id}) SET n._lock = true REMOVE n._lock
