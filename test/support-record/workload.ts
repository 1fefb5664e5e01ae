import { createRandom, type Random } from '../../src/demo/random.ts';
import type { Engagement } from '../../src/domain/support/schemas.ts';
import { eisToc } from '../../src/model/builtin/index.ts';
import { Client, type Reply } from '../support/http.ts';
import { typicalInteraction } from '../support/records.ts';

/**
 * A mixed workload of racing writers over HTTP: each client logs, edits, deletes and restores
 * interactions, deletes, restores and edits engagements (moving their start dates, which rebuilds
 * their rollups), creates engagements and changes stages, on records the other clients change at the
 * same time. Bounded by operations, not by time. Refusals the race makes legitimate (a stale version,
 * a record deleted meanwhile, an engagement deleted under a new interaction) are expected; a 5xx never is.
 */

export interface WorkloadOptions {
  /** Servers to spread the clients over, round robin. */
  baseUrls: string[];
  organizationId: string;
  /** An API token of an administrator of the organization. */
  token: string;
  /** Engagements to start from, all of one partner, starting in January 2023. */
  engagementIds: string[];
  clients: number;
  operationsPerClient: number;
  seed: number;
}

export interface WorkloadResult {
  /** Count of replies per operation and status, e.g. `delete-engagement 409`. */
  statuses: Map<string, number>;
  /** Every reply of 500 or above, with what was asked. */
  failures: { operation: string; status: number; body: unknown }[];
}

const stageIds = eisToc.stages.map((s) => s.id);

/** A day of 2023 after every engagement's start (all start in January), as YYYY-MM-DD. */
const dayAfterJanuary = (random: Random): string =>
  new Date(Date.UTC(2023, 1, 1) + random.int(0, 140) * 86_400_000).toISOString().slice(0, 10);

const weights = {
  log: 6,
  edit: 3,
  delete: 3,
  restore: 3,
  'change-stage': 1,
  'delete-engagement': 1,
  'restore-engagement': 1,
  'move-engagement-start': 1,
  'create-engagement': 0.5,
} as const;
type Operation = keyof typeof weights;
const operations = Object.keys(weights) as Operation[];

export async function runMixedWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const org = `/api/orgs/${options.organizationId}`;
  const engagementIds = [...options.engagementIds];
  const interactionIds: string[] = [];
  const statuses = new Map<string, number>();
  const failures: WorkloadResult['failures'] = [];

  const clients = Array.from({ length: options.clients }, (_, i) => {
    const client = new Client(options.baseUrls[i % options.baseUrls.length]!);
    client.bearer = options.token;
    return client;
  });
  // Each operation reads the version it acts on just before, as an editor would; the race is in between.
  const engagementOf = async (client: Client, id: string): Promise<Engagement | null> => {
    const reply = await client.get<Engagement>(`${org}/engagements/${id}`);
    return reply.status === 200 ? reply.body : null;
  };
  const inputOf = (e: Engagement) => {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...input } = e;
    return input;
  };

  const act = async (client: Client, random: Random, operation: Operation): Promise<Reply | null> => {
    switch (operation) {
      case 'log': {
        const reply = await client.post(
          `${org}/interactions`,
          typicalInteraction(random.pick(engagementIds), { date: dayAfterJanuary(random), nextSteps: [] }),
        );
        if (reply.status === 201) interactionIds.push((reply.body as { id: string }).id);
        return reply;
      }
      case 'edit':
      case 'delete':
      case 'restore': {
        if (interactionIds.length === 0) return null;
        const id = random.pick(interactionIds);
        const current = await client.get<{ version: number; deletedAt: string | null }>(`${org}/interactions/${id}`);
        if (current.status !== 200) return current;
        if (operation === 'restore') return client.post(`${org}/interactions/${id}/restore`);
        if (operation === 'delete') return client.delete(`${org}/interactions/${id}?version=${current.body.version}`);
        return client.request('PUT', `${org}/interactions/${id}`, {
          ...typicalInteraction(random.pick(engagementIds), {
            date: dayAfterJanuary(random),
            durationMinutes: random.int(90, 120),
            nextSteps: [{ text: 'Call back', owner: 'ISP', dueDate: null, done: false }],
          }),
          version: current.body.version,
        });
      }
      case 'change-stage': {
        const engagement = await engagementOf(client, random.pick(engagementIds));
        if (!engagement || engagement.deletedAt !== null) return null;
        const last = engagement.stages.at(-1)!.startedOn;
        return client.post(`${org}/engagements/${engagement.id}/stages`, {
          stageId: random.pick(stageIds),
          startedOn: last,
          reason: 'Moved by the workload',
          version: engagement.version,
        });
      }
      case 'delete-engagement': {
        const engagement = await engagementOf(client, random.pick(engagementIds));
        if (!engagement) return null;
        return client.delete(`${org}/engagements/${engagement.id}?version=${engagement.version}`);
      }
      case 'restore-engagement':
        return client.post(`${org}/engagements/${random.pick(engagementIds)}/restore`);
      case 'move-engagement-start': {
        const engagement = await engagementOf(client, random.pick(engagementIds));
        if (!engagement || engagement.deletedAt !== null) return null;
        return client.request('PUT', `${org}/engagements/${engagement.id}`, {
          ...inputOf(engagement),
          startDate: `2023-01-${String(random.int(1, 31)).padStart(2, '0')}`,
          version: engagement.version,
        });
      }
      case 'create-engagement': {
        const model = await engagementOf(client, engagementIds[0]!);
        if (!model) return null;
        const reply = await client.post(`${org}/engagements`, {
          ...inputOf(model),
          name: `Raced engagement ${random.int(0, 1e9)}`,
          startDate: `2023-01-${String(random.int(1, 31)).padStart(2, '0')}`,
          stages: [{ stageId: stageIds[0], startedOn: '2023-01-31' }],
        });
        if (reply.status === 201) engagementIds.push((reply.body as { id: string }).id);
        return reply;
      }
    }
  };

  await Promise.all(
    clients.map(async (client, i) => {
      const random = createRandom(options.seed * 1000 + i);
      for (let n = 0; n < options.operationsPerClient; n += 1) {
        const operation = operations[random.weightedIndex(operations.map((o) => weights[o]))]!;
        const reply = await act(client, random, operation);
        if (!reply) continue;
        const key = `${operation} ${reply.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (reply.status >= 500) failures.push({ operation, status: reply.status, body: reply.body });
      }
    }),
  );
  return { statuses, failures };
}

/** Engagement input of one partner starting in January 2023, as the workload expects. */
export function januaryEngagement(partnerId: string, supportTeam: string[], startDay: number) {
  const startDate = `2023-01-${String(startDay).padStart(2, '0')}`;
  return {
    partnerId,
    name: `Engagement from ${startDate}`,
    supportTeam,
    startDate,
    endDate: null,
    modelId: 'eis-toc',
    modelVersion: '1.0.0',
    stages: [{ stageId: stageIds[0]!, startedOn: '2023-01-31' }],
    goals: ['Adopt the program with fidelity'],
  };
}
