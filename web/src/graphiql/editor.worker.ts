// The Monaco editor's own web worker (GraphiQL's query editor).
import "monaco-editor/esm/vs/editor/editor.worker.js";
