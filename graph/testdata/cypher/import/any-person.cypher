RETURN {any: EXISTS { MATCH (:Person) }} AS r
