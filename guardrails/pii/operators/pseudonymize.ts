import { defineOperator } from './apply.js';
import { placeholderLabel } from './labels.js';
import { PiiSession } from './session.js';

/**
 * Reversible: values become `<TYPE_n>` before the upstream call; `restore` (or `session.restoreStream` /
 * `session.createStreamRestorer()` for streams) puts the originals back into the answer. The mapping lives
 * only in the per-request session.
 */
export const pseudonymizeOperator = defineOperator(
  'pseudonymize',
  (value, finding, ctx) => {
    ctx.session ??= new PiiSession();
    return ctx.session.placeholderFor(placeholderLabel(finding.type, finding.category), value);
  },
  true,
);
