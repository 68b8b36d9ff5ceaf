MATCH (x:Person) WHERE x.availableToMentor = true OR EXISTS { (x)-[:CAN_MENTOR|CAN_MENTOR_1|CAN_MENTOR_2|CAN_MENTOR_3|CAN_MENTOR_4|CAN_MENTOR_5]->() }
RETURN {ids: collect(x.id)} AS r
