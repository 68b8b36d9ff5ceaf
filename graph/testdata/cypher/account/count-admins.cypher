MATCH (a:Account) WHERE a.admin RETURN count(a) AS admins
