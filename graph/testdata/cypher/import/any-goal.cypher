RETURN {any: EXISTS { MATCH (:Goal) }} AS r
