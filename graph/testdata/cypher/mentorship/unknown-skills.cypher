UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Skill {id: id}) }
RETURN {missing: collect(id)} AS r
