/** @alex/infra: CDKTF stacks for gameplan Parts 5–8 and the scripts that deploy them. */
export { type Config, ConfigError, loadConfig } from './config.ts';
export { clusterIdentifier, functionName, resourceName, SERVICES } from './naming.ts';
export { PARTS, type PartNumber, type StackName } from './parts.ts';
export { buildApp, stackJsonPath, synthesize } from './synth.ts';
