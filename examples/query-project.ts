/**
 * Example: an integrator (a supervisor's system, the national platform's
 * relay, a disclosure website) reads one trading project with everything
 * around it, in one query, and prints it as a tree.
 *
 *   npm run build
 *   HUB_API_KEY=hub_... npm run example:project -- GP-20261123-093007512
 *
 * What to learn from it:
 * - `tradingProject(code)` is the way in; the records of the lifecycle hang
 *   off it: the tenderer and agency (market entities), the sections (标段/包)
 *   with their bids and bidders, the bid opening, the evaluation with its
 *   ranked candidates, the award and the contracts; the announcements; and
 *   the data-quality findings (warnings the pushes raised).
 * - One request, however deep: the hub batches each relation (one database
 *   query per relation, not one per parent), within HUB_MAX_DEPTH and
 *   HUB_MAX_COST.
 * - Evidence of the bids (IP address, certificate serial, device fingerprint)
 *   and personal data stay masked unless the key is granted to reveal them;
 *   this example does not ask for them.
 * - A project the hub does not hold comes back as null, not as an error.
 *
 * Environment: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_API_KEY
 * (required: an INTEGRATOR key from `npx hub clients add --roles INTEGRATOR`,
 * or a source system's key). The project code is the first argument, or
 * PROJECT_CODE.
 */
import { graphql } from './gql';
import type { TradingProjectTreeQuery } from './gql/graphql';
import { ExampleError, execute, hubEndpoint, runExample } from './lib/hub-client';

const TradingProjectTree = graphql(`
  query TradingProjectTree($code: String!) {
    tradingProject(code: $code) {
      code
      name
      version
      status
      method
      budget
      currency
      regionCode
      publishedAt
      bidDeadline
      details
      category {
        code
        name
      }
      subItem {
        code
        name
      }
      sourceSystem {
        code
        name
      }
      tenderer {
        creditCode
        name
      }
      agency {
        creditCode
        name
      }
      sections {
        code
        name
        budget
        status
        openingAt
        bids {
          amount
          status
          submittedAt
          bidder {
            creditCode
            name
          }
        }
        bidOpening {
          openedAt
          bidderCount
          location
        }
        evaluation {
          startedAt
          reportedAt
          committee {
            role
            name
            organisation
          }
          candidates {
            rank
            bidderCreditCode
            score
            amount
            bidder {
              name
            }
          }
        }
        award {
          amount
          awardedOn
          winner {
            creditCode
            name
          }
        }
        contracts {
          code
          amount
          signedOn
          periodStart
          periodEnd
        }
      }
      announcements {
        code
        type
        title
        publishedAt
        periodStart
        periodEnd
      }
      findings {
        rule
        topic
        recordKey
        message
      }
    }
  }
`);

type Project = NonNullable<TradingProjectTreeQuery['tradingProject']>;

/** A line of the tree and the lines under it. */
interface Node {
  label: string;
  children?: Node[];
}

/** `title (n)` with one child per item, or `title: none`. */
function list<T>(title: string, items: readonly T[], node: (item: T) => Node): Node {
  return items.length
    ? { label: `${title} (${items.length})`, children: items.map(node) }
    : { label: `${title}: none` };
}

/** Draws a tree with box-drawing characters, one node a line. */
function render(node: Node, prefix = '', out: string[] = []): string[] {
  const children = node.children ?? [];
  children.forEach((child, i) => {
    const last = i === children.length - 1;
    out.push(`${prefix}${last ? '└─ ' : '├─ '}${child.label}`);
    render(child, prefix + (last ? '   ' : '│  '), out);
  });
  return out;
}

const money = (amount: string | null | undefined, currency = 'CNY') =>
  amount === null || amount === undefined ? '-' : `${amount} ${currency}`;
const party = (e: { creditCode: string; name: string } | null | undefined) => (e ? `${e.creditCode} ${e.name}` : '-');

function tree(p: Project): Node {
  const cur = p.currency;
  return {
    label: `${p.code} ${p.name} (v${p.version}, ${p.status})`,
    children: [
      { label: `catalog: ${p.category.code} ${p.category.name} / ${p.subItem.code} ${p.subItem.name}` },
      {
        label: `method ${p.method}, budget ${money(p.budget, cur)}, region ${p.regionCode}, pushed by ${p.sourceSystem.code}`,
      },
      { label: `published ${p.publishedAt ?? '-'}, bid deadline ${p.bidDeadline ?? '-'}` },
      ...(p.details ? [{ label: `details ${JSON.stringify(p.details)}` }] : []),
      { label: `tenderer: ${party(p.tenderer)}` },
      { label: `agency: ${party(p.agency)}` },
      list('sections', p.sections, (s) => ({
        label: `${s.code} ${s.name}: budget ${money(s.budget, cur)}, ${s.status}, opening ${s.openingAt ?? '-'}`,
        children: [
          list('bids', s.bids, (b) => ({
            label: `${party(b.bidder)}: ${money(b.amount, cur)}, ${b.status}, submitted ${b.submittedAt}`,
          })),
          {
            label: s.bidOpening
              ? `opening: ${s.bidOpening.openedAt}, ${s.bidOpening.bidderCount} bidder(s)${s.bidOpening.location ? `, ${s.bidOpening.location}` : ''}`
              : 'opening: none',
          },
          s.evaluation
            ? {
                // Until the report, the committee's names come masked unless this key is granted EXPERT_IDENTITY.
                label: s.evaluation.reportedAt
                  ? `evaluation reported ${s.evaluation.reportedAt}`
                  : `evaluation running since ${s.evaluation.startedAt ?? '-'}`,
                children: [
                  list('committee', s.evaluation.committee, (m) => ({
                    label: `${m.role} ${m.name}${m.organisation ? `, ${m.organisation}` : ''}`,
                  })),
                  list('candidates', s.evaluation.candidates, (c) => ({
                    label: `#${c.rank} ${c.bidderCreditCode} ${c.bidder?.name ?? '(not in the registry)'}: score ${c.score ?? '-'}, ${money(c.amount, cur)}`,
                  })),
                ],
              }
            : { label: 'evaluation: none' },
          {
            label: s.award
              ? `winner: ${party(s.award.winner)}, ${money(s.award.amount, cur)}, awarded ${s.award.awardedOn}`
              : 'winner: none yet',
          },
          list('contracts', s.contracts, (k) => ({
            label: `${k.code}: ${money(k.amount, cur)}, signed ${k.signedOn}${k.periodStart ? `, ${k.periodStart} to ${k.periodEnd ?? '…'}` : ''}`,
          })),
        ],
      })),
      list('announcements', p.announcements, (a) => ({
        label: `${a.publishedAt} ${a.type} ${a.code} ${a.title}${a.periodStart ? ` (${a.periodStart} to ${a.periodEnd ?? '…'})` : ''}`,
      })),
      list('findings', p.findings, (f) => ({ label: `${f.rule} on ${f.topic} ${f.recordKey}: ${f.message}` })),
    ],
  };
}

async function main(): Promise<number> {
  const endpoint = hubEndpoint();
  if (!endpoint.apiKey) {
    throw new ExampleError(
      'HUB_API_KEY is not set: reading needs an INTEGRATOR key (npx hub clients add --name N --roles INTEGRATOR prints one) or a source system key',
    );
  }
  const code = process.argv[2]?.trim() || process.env.PROJECT_CODE?.trim();
  if (!code)
    throw new ExampleError('name the project: npm run example:project -- <project code> (or set PROJECT_CODE)');
  const { tradingProject } = await execute(endpoint, TradingProjectTree, { code });
  if (!tradingProject) throw new ExampleError(`the hub holds no trading project ${code}`);
  const root = tree(tradingProject);
  console.log(root.label);
  for (const line of render(root)) console.log(line);
  return 0;
}

runExample('query-project', main);
