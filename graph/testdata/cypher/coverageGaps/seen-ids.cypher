UNWIND $ids AS id
MATCH (p:Person {id: id}) WHERE ($audienceAdmin OR p.id = $audiencePerson OR CASE coalesce(p.visibility, 'MEMBERS') WHEN 'PUBLIC' THEN true WHEN 'MEMBERS' THEN $audienceMember WHEN 'CONNECTIONS' THEN $audienceMember AND EXISTS { (p)-[:KNOWS]-(:Person {id: $audiencePerson}) } ELSE false END)
RETURN {seen: collect(p.id)} AS row
