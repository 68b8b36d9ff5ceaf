SHOW INDEXES YIELD name, state, owningConstraint RETURN {indexes: collect([name, state, owningConstraint])} AS r
