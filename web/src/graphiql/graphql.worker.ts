// The Monaco worker for GraphQL (completion and diagnostics from the schema).
import "monaco-graphql/esm/graphql.worker.js";
