import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API runs as its own process in development; Vite proxies to it so the browser sees one origin. */
const apiTarget = `http://127.0.0.1:${process.env.PRAXIS_API_PORT ?? 3000}`;
const proxied = { target: apiTarget, changeOrigin: false };

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they change nothing in the bundle.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. The heavy
        // ones only some pages use (ECharts and its renderer zrender for charts, YAML for the model editor)
        // get chunks of their own that load with those pages, and no chunk reaches Vite's 500 kB warning.
        // (elkjs lays out diagrams on the server only; the browser receives SVG.)
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(@mantine|@floating-ui)\//.test(id)) return 'mantine';
          if (id.includes('node_modules/echarts/')) return 'echarts';
          if (id.includes('node_modules/zrender/')) return 'zrender';
          if (id.includes('node_modules/yaml/')) return 'yaml';
          if (id.includes('node_modules/@tabler/')) return 'icons';
          if (id.includes('node_modules/zod/')) return 'zod';
          if (/node_modules\/(react-router|@tanstack)\//.test(id)) return 'vendor';
          // Any other library goes where Rollup puts it: with the pages that use it, never into a chunk every page loads.
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': proxied,
      '/healthz': proxied,
      '/readyz': proxied,
    },
  },
});
