CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Person|Skill|Organization) ON EACH [n.name]
