/** Version of the output contract (`schemas/guideline.schema.json`): minor for additions, major for changes. */
export const SCHEMA_VERSION = '1.19.0';
