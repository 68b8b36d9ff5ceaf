MATCH (o:Organization {id: $id})
SET o += $set
RETURN o {.id, .name, .kind}
