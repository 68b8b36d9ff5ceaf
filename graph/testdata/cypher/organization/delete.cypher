MATCH (o:Organization {id: $id})
DETACH DELETE o
RETURN {deleted: true} AS result
