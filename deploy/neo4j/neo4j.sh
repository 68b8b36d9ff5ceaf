#!/bin/sh
# bin/neo4j: the server's own launcher (org.neo4j.server.startup.Neo4jCommand),
# which reads neo4j.conf, sizes the JVM and runs CommunityEntryPoint.
exec java -Xmx128m -XX:+UseSerialGC -cp "${NEO4J_HOME}/lib/*" -Dfile.encoding=UTF-8 org.neo4j.server.startup.Neo4jCommand "$@"
