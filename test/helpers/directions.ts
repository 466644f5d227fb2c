/**
 * Directions of a call to write out in the layouts of `layouts.ts`: two to `max` partners, each with
 * its agreement, one to four domains, a count, funding in hundreds of 万元 and a period.
 */
import fc from 'fast-check';
import { DOMAINS, PARTNERS, type DirectionSpec } from './layouts.js';

export const directionSpecs = (max = 6): fc.Arbitrary<DirectionSpec[]> =>
  fc.uniqueArray(fc.constantFrom(...PARTNERS), { minLength: 2, maxLength: max }).chain((partners) =>
    fc.tuple(
      ...partners.map((partner) =>
        fc.record({
          partner: fc.constant(partner),
          agreement: fc.constant(`中华人民共和国政府和${partner}政府科学技术合作协定`),
          domains: fc.subarray([...DOMAINS], { minLength: 1, maxLength: 4 }),
          count: fc.integer({ min: 1, max: 12 }),
          fundingWan: fc.integer({ min: 1, max: 50 }).map((n) => n * 100),
          years: fc.integer({ min: 1, max: 5 }),
        }),
      ),
    ),
  );
