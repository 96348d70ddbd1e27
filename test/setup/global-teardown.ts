import { rmSync } from 'node:fs';
import type { TestCluster } from './global-setup';

/** Stops the run's embedded PostgreSQL and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { __HUB_TEST_PG__?: TestCluster }).__HUB_TEST_PG__;
  if (!cluster) return;
  try {
    await cluster.db.stop();
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true });
  }
}
