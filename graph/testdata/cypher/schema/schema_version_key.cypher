CREATE CONSTRAINT schema_version_key IF NOT EXISTS FOR (v:SchemaVersion) REQUIRE v.key IS UNIQUE
