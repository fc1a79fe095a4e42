/** The audit canary assertion (test/fixtures/audit.ts) finds real leaks and ignores chance matches inside random ids. */
import { describe, expect, it } from 'vitest';
import { assertNoCanary } from '../fixtures/audit.js';

describe('assertNoCanary', () => {
  it('finds any 6-character piece of a canary, in any field', () => {
    expect(() => assertNoCanary(['{"model":"x-4716123456789012"}'], ['4716123456789012'])).toThrow(/"471612" of "4716123456789012", in …\{"model"/);
    expect(() => assertNoCanary(['{"errorCode":"ab.zq@example-mail.test"}'], ['ab12cd34.zq@example-mail.test'])).toThrow(/piece of a canary/);
    expect(() => assertNoCanary(['{"tenantId":"张伟abcdef"}'], ['张伟abcdefgh12'])).toThrow(/piece of a canary/);
  });

  it('a digit canary leaked next to hex-looking text is still found', () => {
    expect(() => assertNoCanary(['{"requestId":"req_0123456789abcdef0123456789abcdef","model":"13912345678"}'], ['13912345678'])).toThrow(/"139123"/);
    expect(() => assertNoCanary(['{"measurement":"110105199001011234"}'], ['110105199001011234'])).toThrow(/piece of a canary/);
  });

  it('ignores a chance 6-digit run inside a generated request id or key id', () => {
    expect(() => assertNoCanary(['{"requestId":"req_9f0a496295c1d2e3f4a5b6c7d8e9f0a1","kid":"0168864bbbbbbbbb"}'], ['13949629512', '4716168864000000'])).not.toThrow();
  });
});
