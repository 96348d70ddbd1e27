import { toOcdsReleasePackage, type OcdsRelease } from '../../trading';
import type { HubLink } from '../hub-link';
import type { RelayEvent, TargetRecord } from '../target';
import { TRADING_TOPICS } from './index';

/** Projects whose releases one request asks for (the hub's bound on `ocdsReleases`). */
export const OCDS_PROJECTS_PER_REQUEST = 100;

const RELEASES = `query RelayOcds($codes: [String!]!) { ocdsReleases(projectCodes: $codes) }`;

/** The trading project an event belongs to, by its code. */
export function projectOf(e: Pick<RelayEvent, 'topic' | 'key' | 'data'>): string | null {
  if (e.topic === 'TRADING_PROJECT') return e.key;
  return typeof e.data.projectCode === 'string' ? e.data.projectCode : null;
}

/** Splits releases into packages of at most `size` (in the order given). */
export function ocdsPackages(releases: OcdsRelease[], size: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < releases.length; i += size) out.push(toOcdsReleasePackage(releases.slice(i, i + size)));
  return out;
}

/**
 * The batch's trading projects as OCDS 1.1 releases (the hub's own mapping, `ocdsRelease`: ocid stable per
 * project), in release packages of at most `size`. Needs the consumer to hold INTEGRATOR as well; without it the
 * batch goes without OCDS (said once in the log).
 */
export function ocdsExtras(size: number, log: (msg: string) => void) {
  let refused = false;
  return async (_records: TargetRecord[], events: RelayEvent[], link: HubLink): Promise<{ ocds?: unknown[] }> => {
    if (refused) return {};
    const codes = [...new Set(events.filter((e) => TRADING_TOPICS.has(e.topic)).map(projectOf))].filter(
      (c): c is string => c !== null,
    );
    if (!codes.length) return {};
    try {
      // One request (a fixed number of statements in the hub) per hundred projects: a batch of the default size
      // takes one round trip.
      const chunks: string[][] = [];
      for (let at = 0; at < codes.length; at += OCDS_PROJECTS_PER_REQUEST)
        chunks.push(codes.slice(at, at + OCDS_PROJECTS_PER_REQUEST));
      const answers = await Promise.all(
        chunks.map((chunk) => link.request<{ ocdsReleases: (OcdsRelease | null)[] }>(RELEASES, { codes: chunk })),
      );
      const releases = answers.flatMap((a) => a.ocdsReleases).filter((r): r is OcdsRelease => r !== null);
      return { ocds: ocdsPackages(releases, size) };
    } catch (err) {
      const e = err as { code?: string };
      if (e.code !== 'FORBIDDEN') throw err;
      refused = true;
      log('the consumer may not read OCDS releases (grant it INTEGRATOR); batches go without them');
      return {};
    }
  };
}
