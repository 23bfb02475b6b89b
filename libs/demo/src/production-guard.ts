/** Demo accounts share a published password (demo-password-2026): the seeder never runs in production. */
export function assertNotProduction(nodeEnv: string): void {
  if (nodeEnv === 'production') {
    throw new Error('seed:demo refuses to run with NODE_ENV=production: it creates staff accounts with a published password');
  }
}
