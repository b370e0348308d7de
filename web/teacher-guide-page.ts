/**
 * The teacher guide as a page of the built lab: docs/teacher-guide.md (its one home) rendered with `marked` into
 * teacher-guide.html beside index.html when Vite builds (and served at /teacher-guide.html by the dev server), so the
 * lab's "Teacher guide" link works on any static host. The guide's links to activities (`index.html#...`) are
 * relative, like every asset of the lab (`base: './'`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import type { Plugin } from 'vite';

export const TEACHER_GUIDE_SOURCE = fileURLToPath(new URL('../docs/teacher-guide.md', import.meta.url));
export const TEACHER_GUIDE_PAGE = 'teacher-guide.html';

const STYLE = `
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d2530; background: #fff; margin: 0; line-height: 1.5; }
header, main { max-width: 56rem; margin: 0 auto; padding: 8px 16px; }
header { border-bottom: 1px solid #d5dae1; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; justify-content: space-between; }
header p { margin: 0; }
a { color: #1f5fbf; }
a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #d5dae1; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid #d5dae1; padding: 4px 8px; text-align: left; vertical-align: top; }
code { font-family: ui-monospace, Menlo, monospace; font-size: 0.9em; background: #f6f8fa; padding: 0 3px; overflow-wrap: anywhere; }
blockquote { border-left: 4px solid #1f5fbf; margin: 0; padding: 2px 12px; background: #eef3fb; }
`;

/** The guide's HTML page. */
export function renderTeacherGuide(markdown = readFileSync(TEACHER_GUIDE_SOURCE, 'utf8')): string {
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Teacher guide · Membrane lab</title>
    <link rel="icon" href="data:," />
    <style>${STYLE}</style>
  </head>
  <body>
    <header><p><strong>Membrane lab</strong> · teacher guide</p><p><a href="./index.html">Open the lab</a></p></header>
    <main id="guide">
${body}
    </main>
  </body>
</html>
`;
}

/** Vite plugin: emits teacher-guide.html at build time and serves it in development. */
export function teacherGuidePage(): Plugin {
  return {
    name: 'membrane-teacher-guide',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!request.url?.split('?')[0].endsWith(`/${TEACHER_GUIDE_PAGE}`)) return next();
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(renderTeacherGuide());
      });
    },
    buildStart() {
      this.addWatchFile(TEACHER_GUIDE_SOURCE);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: TEACHER_GUIDE_PAGE, source: renderTeacherGuide() });
    },
  };
}
