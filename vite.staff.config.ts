import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The staff app (staff-app/): a second renderer entry on the device's stack, built apart from the
// device renderer and served by HQ under /app/ (hq/http/staff/staff-app-static.ts).
export default defineConfig({
  root: fileURLToPath(new URL('./staff-app', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/staff-app', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
});
