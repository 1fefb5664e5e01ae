import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { showPlanVersusActual } from '../../app/plans/show-plan-versus-actual.ts';
import { listSignals } from '../../app/signals/list-signals.ts';
import type { TenantStore } from '../../store/store.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** An engagement's stage plans, plan versus actual and signals, as the API serves them. */
async function planOf(tenant: TenantStore, engagementId: string) {
  const engagement = await tenant.engagements.require(engagementId);
  const [plans, planVersusActual, signals] = await Promise.all([
    tenant.stagePlans.list({ engagementIds: [engagementId] }),
    showPlanVersusActual(tenant, engagementId, today()),
    listSignals(tenant, today(), { engagementId }),
  ]);
  return {
    engagement: { id: engagement.id, name: engagement.name, stages: engagement.stages },
    plans,
    planVersusActual,
    signals,
  };
}

/** `praxis plan`: an engagement's stage plans, plan versus actual and signals. */
export function planCommand(): Command {
  const plan = new Command('plan').description(
    'Stage plans of an engagement, plan versus actual and signals: show, export',
  );

  plan
    .command('show')
    .description('Print the stage plans, the last months of plan versus actual, and the signals')
    .argument('<engagement>', 'engagement id')
    .requiredOption('--org <org>', 'organization id or slug')
    .action(async (engagementId: string, options: { org: string }) => {
      await withStore(async (store) => {
        const tenant = store.tenant((await resolveOrganization(store, options.org)).id);
        const { engagement, plans, planVersusActual, signals } = await planOf(tenant, engagementId);
        say(`${engagement.name} (${engagement.id})`);
        if (plans.length === 0) say('No stage plans.');
        for (const p of plans) {
          say(`Stage ${p.stageId} (plan v${p.version})`);
          for (const g of p.goals) say(`  goal: ${g.text} — ${g.indicator} — by ${g.targetDate}`);
          for (const e of p.emphasis) say(`  emphasis: ${e.componentId} ${e.minutesPerMonth} min/month`);
          for (const a of p.activities)
            say(`  activity: ${a.activityKey ?? a.text} — owner ${a.ownerId} — due ${a.dueDate} — ${a.status}`);
        }
        say('Month    planned  logged  done due overdue');
        for (const m of planVersusActual.months)
          say(
            `${m.month}  ${String(m.plannedMinutes).padStart(7)}  ${String(m.loggedMinutes).padStart(6)}  ${String(m.activities.done).padStart(4)} ${String(m.activities.due).padStart(3)} ${String(m.activities.overdue).padStart(7)}`,
          );
        if (signals.length === 0) say('No signals.');
        for (const s of signals) say(`signal: ${s.title}. ${s.explanation} (${s.ruleText})`);
      });
    });

  plan
    .command('export')
    .description('Write the stage plans, plan versus actual and signals as JSON')
    .argument('<engagement>', 'engagement id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--out <file>', 'the file to write (default: standard output)')
    .action(async (engagementId: string, options: { org: string; out?: string }) => {
      await withStore(async (store) => {
        const tenant = store.tenant((await resolveOrganization(store, options.org)).id);
        const text = JSON.stringify(await planOf(tenant, engagementId), null, 2);
        if (options.out) {
          writeFileSync(options.out, `${text}\n`);
          say(`wrote ${options.out}`);
        } else say(text);
      });
    });
  return plan;
}
