import type { AgentProgress, AnalysisJob, Repositories } from '@alex/database';

const AGENTS = ['tagger', 'reporter', 'charter', 'retirement'] as const;
const ICON: Record<AgentProgress['status'], string> = {
  pending: '·',
  running: '▸',
  completed: '✓',
  failed: '✖',
  skipped: '–',
};

/** Polls a job until it finishes, printing each agent's progress as it changes. */
export async function followJob(
  repos: Repositories,
  userId: string,
  jobId: string,
  options: {
    print: (line: string) => void;
    intervalMs?: number;
    stuckAfterMs?: number;
    onStuck?: () => void;
  },
): Promise<AnalysisJob> {
  const seen = new Map<string, string>();
  const started = Date.now();
  let warned = false;
  for (;;) {
    const job = await repos.jobs.get(userId, jobId);
    for (const agent of AGENTS) {
      const progress = job.progress[agent];
      if (!progress) continue;
      const key = `${progress.status}:${progress.message ?? ''}`;
      if (seen.get(agent) === key) continue;
      seen.set(agent, key);
      const took =
        progress.started_at && progress.finished_at
          ? ` (${((Date.parse(progress.finished_at) - Date.parse(progress.started_at)) / 1000).toFixed(1)} s)`
          : '';
      const note = progress.message ? `: ${progress.message}` : '';
      options.print(`  ${ICON[progress.status]} ${agent.padEnd(10)} ${progress.status}${took}${note}`);
    }
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (!warned && job.status === 'pending' && Date.now() - started > (options.stuckAfterMs ?? 15_000)) {
      warned = true;
      options.onStuck?.();
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 300));
  }
}
