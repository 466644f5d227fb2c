/**
 * The heap is paced (V8's `--heap-growing-percent`) while a large document is under way, and V8's
 * own rule comes back when the last one is done; small documents leave it alone.
 */
import { describe, expect, it, vi } from 'vitest';

const flags: string[] = [];
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: (f: string) => flags.push(f) }));
const { GROWTH_PERCENT, LARGE_DOCUMENT, paceHeap } = await import('../../src/cli/heap.js');

describe('paceHeap', () => {
  it('leaves the heap alone for a small document', () => {
    flags.length = 0;
    paceHeap(LARGE_DOCUMENT - 1)();
    expect(flags).toEqual([]);
  });

  it('paces the heap from the first large document under way to the end of the last', () => {
    flags.length = 0;
    const a = paceHeap(LARGE_DOCUMENT);
    const b = paceHeap(50 * 2 ** 20);
    expect(flags).toEqual([`--heap-growing-percent=${GROWTH_PERCENT}`]);
    a();
    a(); // twice: counted once
    expect(flags).toHaveLength(1);
    b();
    expect(flags).toEqual([`--heap-growing-percent=${GROWTH_PERCENT}`, '--heap-growing-percent=0']);
  });
});
