UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o {.id, .name, .kind}
