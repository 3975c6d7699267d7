/**
 * Embeds and stores market-research notes for the reporter's market insights.
 *   pnpm tsx scripts/ingest.ts <files…>   chunk, embed and store these Markdown/text files
 *   pnpm tsx scripts/ingest.ts --sample   the sample corpus shipped in packages/knowledge/corpus
 * Local store under .alex/knowledge by default; S3 Vectors with SageMaker embeddings when
 * VECTOR_BUCKET, VECTOR_INDEX and SAGEMAKER_ENDPOINT are set.
 */
import { ingestFiles, knowledgeFromEnv, sampleCorpusPaths } from '@alex/knowledge';
import { runMain, UsageError } from './lib/cli.ts';
import { announceTarget, env, REPO_ROOT } from './lib/env.ts';

const USAGE = 'Usage: pnpm tsx scripts/ingest.ts <files…> | --sample';

await runMain(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('--') && arg !== '--sample');
  if (unknown !== undefined) throw new UsageError(`Unknown argument: ${unknown}`);
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (args.includes('--sample')) files.push(...(await sampleCorpusPaths()));
  if (files.length === 0) throw new UsageError('Name at least one file to ingest, or --sample');

  announceTarget();
  const knowledge = knowledgeFromEnv(env, REPO_ROOT);
  console.log(`Knowledge: ${knowledge.describe}`);
  const result = await ingestFiles(files, knowledge);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const file of result.files)
    console.log(`✓ ${file.id}: "${file.title}" (${plural(file.chunks, 'chunk')})`);
  console.log(`✓ Stored ${plural(result.stored, 'passage')} from ${plural(result.files.length, 'file')}`);
  return 0;
}, USAGE);
