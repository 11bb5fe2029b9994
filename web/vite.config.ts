import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** `npm run build` writes web/dist, which `npm start` serves; `npm run dev:web` proxies /api to it. */
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
