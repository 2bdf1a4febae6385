// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { siteConfig } from './site.config.ts';
import { checkSource } from './src/integrations/check-source.ts';
import { searchIndex } from './src/integrations/search-index.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [checkSource(), mdx(), searchIndex()],
  markdown: {
    syntaxHighlight: false,
    processor: unified({ remarkPlugins: [remarkGfm] }),
  },
  devToolbar: { enabled: false },
  // Separate caches let tests build fixture sites without sharing a content store.
  cacheDir: process.env.PICT_CACHE_DIR ?? './node_modules/.astro',
});
