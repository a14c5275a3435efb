import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The built app lands in web-portal/target/frontend, from where maven-war-plugin copies it to the
// root of the WAR (context root "/"): index.html at "/", hashed bundles under "/assets/", which the
// portal's AppShellFilter serves with long-lived caching.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../../target/frontend',
    // The output folder is outside this project root, so Vite only empties it when told to.
    emptyOutDir: true,
    assetsDir: 'assets',
    // Small assets as files too: the portal's Content-Security-Policy allows data: only for images.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay in the browser's cache
        // (served immutable) across releases that only change the app's own code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mui', test: /node_modules[\\/](@mui[\\/](material|system|utils|private-theming|styled-engine|core-downloads-tracker)|@emotion)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|i18next-browser-languagedetector)[\\/]/ },
            // Only the wallboard draws charts: their chunk loads with it (after the groups above, which keep what they share).
            { name: 'charts', test: /node_modules[\\/](@mui[\\/]x-|@base-ui|d3-|bezier-easing)/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` against a portal running locally (./verbund demo): the API and the event
    // stream stay same-origin for the browser, so the session cookie and CSRF header work as deployed.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
