/// <reference types="vitest/config" />
import { defineConfig } from "vite";

// The app is served from Tauri's custom protocol, so assets must be relative to index.html and
// the bundle must target the system WebKitGTK (Debian 12 ships 2.50; Safari 16 level is safe).
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // CodeMirror with Markdown (and the HTML it embeds) is one ~550 kB chunk, loaded from disk.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    // A file's first test builds the whole app (CodeMirror included) in jsdom; on a busy 2-core
    // machine that alone took over Vitest's default 5 s. Waits inside tests have their own limits.
    testTimeout: 20_000,
    // src/contrast.test.ts reads the stylesheet's text (`?raw`); Vitest empties CSS otherwise.
    css: { include: [/styles\.css/] },
  },
});
