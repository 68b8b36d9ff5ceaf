// The Monaco worker for JSON (GraphiQL's variables, headers and response).
import "monaco-editor/esm/vs/language/json/json.worker.js";
