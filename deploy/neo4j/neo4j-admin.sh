#!/bin/sh
# bin/neo4j-admin: Neo4j's administration tool (org.neo4j.server.startup.Neo4jAdminCommand).
exec java -Xmx128m -XX:+UseSerialGC -cp "${NEO4J_HOME}/lib/*" -Dfile.encoding=UTF-8 org.neo4j.server.startup.Neo4jAdminCommand "$@"
