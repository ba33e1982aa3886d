import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type Plugin, transformWithEsbuild } from 'vite';
import { defineConfig } from 'wxt';

// The manifest asks for the fewest permissions that work; README "Permissions" says why each is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), withoutRawHtml()],
    // WXT's content script context tells the page our id and obeys events the page can forge: see the stand-in.
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./entrypoints/content/page-safe-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  // `npm run zip`: the store packages, and for Firefox the sources AMO rebuilds them from. Nothing is
  // downloaded (no `downloadPackages`); git-ignored outputs of tests and benchmarks stay out.
  zip: {
    excludeSources: ['tests/e2e/artifacts/**', 'coverage/**', '**/*.log'],
  },
  hooks: {
    // The app the content script loads on demand (entrypoints/page-app.ts) is imported as an ES module:
    // WXT builds unlisted scripts as IIFEs, whose value an import cannot reach.
    // Vite leaves an ES library's whitespace alone (for other bundlers' sake), so it is minified here.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.name === 'page-app') || typeof config.build?.lib !== 'object') return;
      config.build.lib.formats = ['es'];
      config.plugins = [...(config.plugins ?? []), minifiedModule()];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Plainsight',
    description:
      'Marks claims and their sourcing, persuasion techniques and abusive or conspiratorial comments on opinion pieces, in place.',
    // Chrome: the engine document that outlives the worker (lib/background/engine-document.ts); no install warning.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    // The app the content script imports on pages with something to do (README "Permissions"): both
    // browsers let a content script import only what pages could load too. In Chrome its address
    // changes every session (`use_dynamic_url`), so no page can probe for it; Firefox has no such
    // option, and its extension addresses are random per installation.
    web_accessible_resources: [
      { resources: ['page-app.js'], matches: ['http://*/*', 'https://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    // Moving from mark to mark by keyboard; the reader can change the keys in the browser's shortcut settings.
    commands: {
      'next-mark': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next Plainsight mark and show its card' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the previous Plainsight mark and show its card' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'plainsight@plainsight.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions came to Firefox for Android in 142 (web-ext lint warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

/**
 * Preact can set raw HTML (`dangerouslySetInnerHTML`), which no component of ours uses
 * (`tests/e2e/web-ext-lint.test.ts` checks): that one path of its renderer is built to throw
 * instead, so the bundle assigns no HTML at all and Mozilla's linter has nothing to warn about.
 */
function withoutRawHtml(): Plugin {
  return {
    name: 'plainsight-without-raw-html',
    enforce: 'post',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id) || !code.includes('__html')) return null;
      const out = code.replace(/(\w+)\.innerHTML\s*=\s*(\w+)\.__html/g, '(() => { throw new Error("Plainsight sets no raw HTML"); })()');
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** Minifies an ES module chunk as Vite minifies the IIFE bundles (see the `vite:build:extendConfig` hook). */
function minifiedModule(): Plugin {
  return {
    name: 'plainsight-minified-module',
    // After Vite's own renderChunk, which prints an ES library's whitespace back.
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = (await transformWithEsbuild(chunk.code, chunk.fileName, { minify: true, format: 'esm', target: 'es2022' })).code;
      }
    },
  };
}
