// Placeholder until the diff schema lands.
export function diffJsonSchema(): Record<string, unknown> {
  return {};
}
