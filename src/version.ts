/**
 * Version of the extraction rules. Bump it whenever a change can alter an output for the same
 * input: incremental runs re-ingest every source whose output was made by another version.
 */
export const PIPELINE_VERSION = '1.108.0';
