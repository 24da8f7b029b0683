import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The Tauri shell loads ui/dist (release, tests) or this dev server (`tauri dev`).
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The document's font comes from assets/fonts (app.css), outside ui/.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/fonts"] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    // Inline nothing: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
