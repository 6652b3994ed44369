import { NestExpressApplication } from '@nestjs/platform-express';
import { dirname, join } from 'node:path';

/** The page itself: plain HTML, CSS and ES modules from `public/`, and uPlot's browser build from node_modules. */
export function serveStaticAssets(app: NestExpressApplication): void {
  const publicDir = join(__dirname, '..', '..', 'public');
  const uplotDir = join(dirname(require.resolve('uplot/package.json')), 'dist');
  // Article text is untrusted: even if an escape were missed, no inline or foreign script would run.
  // Swagger UI at /docs ships inline styles and scripts of its own, so the policy covers the console's pages only.
  app.use((request: { path: string }, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (request.path.startsWith('/docs')) return next();
    response.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.useStaticAssets(uplotDir, { prefix: '/vendor/uplot/', maxAge: '1h' });
  app.useStaticAssets(publicDir, { index: 'index.html', maxAge: 0 });
}
