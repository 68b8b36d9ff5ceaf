// The web UI's entry point: the app rendered into #app.
import { render } from "preact";
import { App } from "./app";
import { loadSession } from "./session";
import "./style.css";

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  void loadSession();
  render(<App />, root);
  // For speed measurements (cmd/uibench): the app's first screen is built.
  performance.mark("mentorgraph:app-rendered");
}
