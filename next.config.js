/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let two checkouts' worth of builds (e.g. a test run beside a demo) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WASM and a data bundle that the server bundler must not try to inline.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` typechecks the whole repository (app, sim, scripts, tests) as its own step; the build
  // need not repeat it for the app alone.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
