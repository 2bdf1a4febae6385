// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { siteConfig } from './site.config.ts';
import { checkSource } from './src/integrations/check-source.ts';
import { pruneOutput } from './src/incremental/prune-output.ts';
import { searchIndex } from './src/incremental/search-index.ts';
import { serverConfig } from './src/integrations/server-config.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // pruneOutput runs before searchIndex, so pages no longer built are not indexed; serverConfig runs
  // last, so it compresses the search index too.
  integrations: [
    checkSource(),
    mdx(),
    pruneOutput(),
    searchIndex({ notesPerBundle: siteConfig.searchBundleNotes }),
    serverConfig(),
  ],
  markdown: {
    syntaxHighlight: false,
    processor: unified({ remarkPlugins: [remarkGfm] }),
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Scripts are files, never inlined, so the Content-Security-Policy needs no 'unsafe-inline'.
      assetsInlineLimit: 0,
      // Reused pages stay in place (pruneOutput removes what a build no longer writes).
      emptyOutDir: false,
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        // Pagefind runs its search in a worker and compiles WebAssembly.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Item and short-link pages carry a cacheKey, so a rebuild re-renders only the pages whose data changed.
  experimental: { incrementalBuild: true },
  // Separate caches let tests build fixture sites without sharing a content store.
  cacheDir: process.env.PICT_CACHE_DIR ?? './node_modules/.astro',
});
