RETURN {any: EXISTS { MATCH (:Organization) }} AS r
