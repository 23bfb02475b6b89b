export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __trtaStop?: () => Promise<void> }).__trtaStop?.();
}
