import { auditServer, type AuditResult } from 'graphql-http';
import { startTestHub, type TestHub } from '../setup/hub';

/**
 * The GraphQL-over-HTTP conformance audits of the `graphql-http` package, run
 * against the live hub. MUST audits are requirements of the spec; SHOULD and
 * MAY audits are recommendations, printed so that a change in them is seen.
 */
describe('GraphQL over HTTP conformance', () => {
  let t: TestHub;
  let results: AuditResult[];

  beforeAll(async () => {
    t = await startTestHub({ rateLimit: 1_000_000, rateBurst: 1_000_000 });
    results = await auditServer({ url: t.hub.url });
  });
  afterAll(() => t.stop());

  it('runs the whole audit suite', () => {
    expect(results.length).toBeGreaterThan(50);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('passes every MUST audit', () => {
    const failed = results
      .filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')
      .map((r) => ({ id: r.id, name: r.name, status: r.status, reason: 'reason' in r ? r.reason : '' }));
    expect(failed).toEqual([]);
  });

  it('reports the SHOULD and MAY audits it does not pass', async () => {
    const warnings = results.filter((r) => !r.name.startsWith('MUST') && r.status !== 'ok');
    const lines = await Promise.all(
      warnings.map(async (r) => {
        const fail = r as Extract<AuditResult, { reason: string }>;
        const body = await fail.response
          .clone()
          .text()
          .catch(() => '');
        return `${r.id} [${r.status}] ${r.name}\n    ${fail.reason}\n    HTTP ${fail.response.status}: ${body.slice(0, 200)}`;
      }),
    );
    console.log(
      `graphql-http: ${results.filter((r) => r.status === 'ok').length} of ${results.length} audits pass; not passed:\n${lines.join('\n')}`,
    );
    // Nothing but SHOULD and MAY audits may be left, and none of them may be an error.
    expect(warnings.every((r) => r.status !== 'error')).toBe(true);
  });
});
