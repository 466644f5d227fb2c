/**
 * Partners named in a title: by name, by a group's name (`港澳`, `中日韩`), never a name inside a
 * longer one (`东盟与中日韩` is one mechanism), and by the one character of a `中X` title where it
 * names one partner only, or where the rest of the name follows it in brackets (`中新（西兰）`).
 */
import { describe, expect, it } from 'vitest';
import { abbreviatedPartner, findPartners } from '../../src/lexicon/partners.js';

const names = (t: string) => findPartners(t).map((h) => h.name);

describe('partners in a title', () => {
  it('reads a group of partners by its name, but never a name inside a longer one', () => {
    expect(names('中日韩（NSFC-JSPS-NRF）A3前瞻计划项目')).toEqual(['日本', '韩国']);
    expect(names('东盟与中日韩科技合作项目')).toEqual(['东盟与中日韩']);
    expect(names('粤港澳大湾区联合创新项目')).toEqual(['香港', '澳门']);
  });

  it('reads a 中X title’s one character, and a name spelt out in brackets after it', () => {
    expect(abbreviatedPartner('中德氢能联合研究')?.name).toBe('德国');
    expect(abbreviatedPartner('中新（西兰）食品安全与生物技术联合研究')?.name).toBe('新西兰');
    expect(abbreviatedPartner('中瑞（士）生命科学联合研究')?.name).toBe('瑞士');
    // Brackets that spell no country: the character alone decides (新 names two: none read).
    expect(abbreviatedPartner('中新（试点）联合研究')).toBeNull();
  });
});
