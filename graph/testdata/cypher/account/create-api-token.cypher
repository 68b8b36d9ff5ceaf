MATCH (a:Account {id: $account})
CREATE (a)-[:HAS_TOKEN]->(t:ApiToken {id: $id, hash: $hash, name: $name, scope: $scope,
  createdAt: datetime(), expiresAt: $expiresAt, lastUsedAt: null})
RETURN t {.id, .name, .scope, .createdAt, .expiresAt, .lastUsedAt}
