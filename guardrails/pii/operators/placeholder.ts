import { defineOperator } from './apply.js';
import { placeholderLabel } from './labels.js';
import { PiiSession } from './session.js';

/**
 * `<PHONE_1>`: typed, numbered per entity type, the same value → the same number within a request
 * (pass one `ctx.session` for the whole request). Not restored: use `pseudonymize` for that.
 */
export const placeholderOperator = defineOperator('placeholder', (value, finding, ctx) => {
  ctx.session ??= new PiiSession();
  return ctx.session.placeholderFor(placeholderLabel(finding.type, finding.category), value, false);
}, false, true);
