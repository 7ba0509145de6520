/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and a data bundle that the server bundler must not try to inline.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
