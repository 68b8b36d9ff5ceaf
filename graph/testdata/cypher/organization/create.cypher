CREATE (o:Organization {id: $id, name: $name, kind: $kind})
RETURN o {.id, .name, .kind}
