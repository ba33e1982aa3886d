import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The manifest asks for the fewest permissions that work; README "Permissions" says why each is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Plainsight',
    description:
      'Marks claims and their sourcing, persuasion techniques and abusive or conspiratorial comments on opinion pieces, in place.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'plainsight@plainsight.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
