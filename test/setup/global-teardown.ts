export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __HUB_TEST_PG__?: { stop(): Promise<void> } }).__HUB_TEST_PG__;
  await db?.stop();
}
