import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the SPA runs on Vite's server and forwards API calls to Flask
// (`make serve` / `conserje serve`, port 5000). In production Flask serves dist/.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": {
        target: process.env.CONSERJE_API_URL ?? "http://127.0.0.1:5000",
        changeOrigin: false,
      },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
});
