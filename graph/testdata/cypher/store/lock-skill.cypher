UNWIND $ids AS id MATCH (n:Skill {id: id}) SET n._lock = true REMOVE n._lock
