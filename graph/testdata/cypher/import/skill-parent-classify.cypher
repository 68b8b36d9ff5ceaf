UNWIND $rows AS r
RETURN 'linked' AS outcome, collect(r.i) AS rows
