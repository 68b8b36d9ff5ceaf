UNWIND $ids AS id MATCH (n:Person {id: id}) SET n._lock = true REMOVE n._lock
