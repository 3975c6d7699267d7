export {
  createTaggerAgent,
  InstrumentClassification,
  type TaggerAgent,
  TaggerOutput,
  UnknownInstrument,
} from './agent.ts';
export { type TaggerEnv, taggerEnv } from './env.ts';
export { OFFLINE_RATIONALE_NOTE, taggerOfflineScript } from './offline.ts';
export { type InstrumentToTag, TAGGER_INSTRUCTIONS, taggerPrompt } from './prompts.ts';
export {
  REFERENCE_DATA,
  type ReferenceEntry,
  type ReferenceLookup,
  referenceLookup,
} from './reference-data.ts';
export { type TaggerDeps, TaggerEvent, type TaggerResult, TaggingError, tagInstruments } from './tagger.ts';
export { lookupReferenceData, type TaggerContext } from './tools.ts';
