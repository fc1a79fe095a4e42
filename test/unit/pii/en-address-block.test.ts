import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const only = (type: string, text: string) => found(text).filter((s) => s.startsWith(`${type}:`));

describe('English address blocks: every line of the block is one address', () => {
  it('an address quoted in an e-mail reply (lines opening with "> " or ">") stays one block', () => {
    expect(only('ADDRESS', 'On Monday she wrote:\n> Please send it to\n> 41 Maple Road\n> Apt. 12\n> Springfield\n> Canada 20145')).toEqual([
      'ADDRESS:41 Maple Road\n> Apt. 12\n> Springfield\n> Canada 20145',
    ]);
    expect(only('ADDRESS', 'Dear team\n>7 Kirkevej 20\n>Suite 3\n>Ribe\n>Denmark 6760')).toEqual(['ADDRESS:7 Kirkevej 20\n>Suite 3\n>Ribe\n>Denmark 6760']);
  });
  it('a city line may start with a capital outside Latin-1 (Ł, Š, Č, Ž) and hold a Slavic particle (nad, pod)', () => {
    expect(only('ADDRESS', 'Ship to 18 Ogrodowa Street\nSuite 4\nŁódź\nPoland 90001')).toEqual(['ADDRESS:18 Ogrodowa Street\nSuite 4\nŁódź\nPoland 90001']);
    expect(only('ADDRESS', 'Ship to 3 Cesta Street\nApt. 9\nŠkofja Loka\nSlovenia 4220')).toEqual(['ADDRESS:3 Cesta Street\nApt. 9\nŠkofja Loka\nSlovenia 4220']);
    expect(only('ADDRESS', 'Ship to 5 Hlavni Road\nSuite 2\nNové Město nad Metují\nCzechia 54901')).toEqual(['ADDRESS:5 Hlavni Road\nSuite 2\nNové Město nad Metují\nCzechia 54901']);
  });
  it('a ">" that is no quote marker joins nothing', () => {
    expect(only('ADDRESS', 'Go to 12 Elm Street > Springfield is next')).toEqual(['ADDRESS:12 Elm Street']);
  });
});
