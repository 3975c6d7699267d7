export {
  createTaggerAgent,
  InstrumentClassification,
  type TaggerAgent,
  TaggerOutput,
  UnknownInstrument,
} from './agent.ts';
export { createTaggerHandler, taggerHandlerDeps } from './create-handler.ts';
export { OFFLINE_RATIONALE_NOTE, taggerOfflineScript } from './offline.ts';
export { TAGGER_INSTRUCTIONS, taggerPrompt } from './prompts.ts';
export {
  REFERENCE_DATA,
  type ReferenceEntry,
  type ReferenceLookup,
  referenceLookup,
} from './reference-data.ts';
export { type TaggerDeps, TaggingError, tagInstruments } from './tagger.ts';
export { lookupReferenceData, type TaggerContext } from './tools.ts';
