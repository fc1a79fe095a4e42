/**
 * `guardrails.input.unreadableFiles: allow` sends PDFs, Word files, file ids and file URLs upstream unread: a risky
 * setting `sealgate doctor` names (code `unreadable_files_allowed`), as it names failOpen. The default (block) is quiet.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/cli/doctor.js';
import { validateConfig } from '../../../src/config/loader.js';

const codes = (input: Record<string, unknown>) => diagnose(validateConfig(input), {}).map((w) => w.code);

describe('doctor: unreadable files', () => {
  it('flags unreadableFiles: allow and stays quiet by default', () => {
    expect(codes({ guardrails: { input: { unreadableFiles: 'allow' } } })).toEqual(['unreadable_files_allowed']);
    expect(codes({})).toEqual([]);
    expect(codes({ guardrails: { input: { unreadableFiles: 'block', unreadableMedia: 'block' } } })).toEqual([]);
  });
});
