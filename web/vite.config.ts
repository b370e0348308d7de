/**
 * Vite configuration of the browser lab. `root` is this folder (web/), `base: './'` makes every asset URL relative so
 * that web/dist works from any static host and any sub-path; the library is imported from ../src as TypeScript.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { teacherGuidePage } from './teacher-guide-page.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  plugins: [teacherGuidePage()],
});
