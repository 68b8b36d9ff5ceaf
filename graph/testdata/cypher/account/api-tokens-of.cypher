MATCH (:Account {id: $account})-[:HAS_TOKEN]->(t:ApiToken)
RETURN t {.id, .name, .scope, .createdAt, .expiresAt, .lastUsedAt}
ORDER BY t.createdAt DESC, t.id
