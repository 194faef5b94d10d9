// Vitest runs data functions outside React's server environment, where the
// real `server-only` guard would throw; the guard still protects the app build.
export {};
