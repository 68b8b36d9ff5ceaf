MATCH (t:ApiToken {id: $id})
WITH t, t.id AS id
DETACH DELETE t
RETURN id
