// First: asks Rust for what the first screen shows while the rest is read.
import { startAnswered } from "./lib/startup";
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

/** How long the page waits for what its first screen shows before it is
 * built without it (it then says it is loading). */
const START_WAIT_MS = 300;

const target = document.getElementById("app");
if (!target) throw new Error("#app is missing from index.html");
void startAnswered(START_WAIT_MS).then(() => {
  mount(App, { target });
});
