import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * `npm run build` writes web/dist, which `npm start` serves; `npm run dev:web` proxies /api to it.
 * Two pages in one build: the admin (index.html) and the buyer portal (buyer.html, served under /buyer).
 */
export default defineConfig({
  root,
  plugins: [react(), buyerPages()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { admin: `${root}index.html`, buyer: `${root}buyer.html` } },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});

/** In dev as in production (server/http/web.ts): every page under /buyer is the buyer portal's. */
function buyerPages(): Plugin {
  return {
    name: "buyer-pages",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === "/buyer" || req.url?.startsWith("/buyer/")) req.url = "/buyer.html";
        next();
      });
    },
  };
}
