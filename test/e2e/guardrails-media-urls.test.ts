/**
 * Media and file URLs in content parts (chat `image_url`, vLLM `video_url`/`audio_url`, Responses `input_image`
 * and `input_file`) are text an app sends: the provider receives them, logs them and fetches them. They were
 * relayed unread, so an e-mail address in an image URL's query went upstream in clear while the same address in
 * the prompt was pseudonymized. Now the identifier detectors (PII, rules) read them — percent-decoded, with the
 * signing parameters of presigned URLs left out, and only the header of a base64 data URL (the payload is binary) —
 * and, since a rewritten URL no longer points at the same resource, a policy that would rewrite one blocks the
 * request instead (like a schema's enum value). A file's `filename` is rewritten like a prompt's PII.
 */
import OpenAI, { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { fakeProvider, startGateway } from '../fixtures/gateway.js';
import { gatewayOverFake } from '../fixtures/gateway-suite.js';
import { EMAIL, INJECTION } from '../fixtures/guard-payloads.js';

// Files the guard cannot read (PDFs, file ids, file URLs) are let through here: these tests are about what is read of them.
const suite = gatewayOverFake({ audit: { enabled: false }, guardrails: { input: { unreadableFiles: 'allow' } } });

const ENCODED_EMAIL = encodeURIComponent(EMAIL);
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const S3_PRESIGNED =
  'https://example-bucket.s3.us-east-1.amazonaws.com/photos/cat.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261130%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261130T224000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';
const GCS_SIGNED =
  'https://storage.googleapis.com/my-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=uploader%40my-project.iam.gserviceaccount.com%2F20261130%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261130T224000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=247a2aa45f169edf4d187d54e7cc46e4731b1e6273242c4f4c39a1d2507a0e58706e25e3a85a7dbb891d62afa8496def8e260c1db863d9ace85ff0a184b894b117';

const image = (url: string): OpenAI.Chat.ChatCompletionContentPart => ({ type: 'image_url', image_url: { url } });

async function chatWith(part: OpenAI.Chat.ChatCompletionContentPart): Promise<unknown> {
  return suite.gw.client().chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, part] }] });
}

async function refusal(call: Promise<unknown>): Promise<APIError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe('an identifier in a media or file URL never reaches the upstream', () => {
  it.each([
    ['an e-mail address in an image URL query', `https://img.example.com/a.png?email=${EMAIL}`],
    ['a percent-encoded e-mail address', `https://img.example.com/a.png?email=${ENCODED_EMAIL}`],
    ['a phone number in a form-encoded query', 'https://img.example.com/a.png?phone=%2B1+415+555+0132'],
    ['credentials in the URL', 'https://admin:S3cr3tPassw0rd!@images.example.com/a.png'],
    ['credentials before an IP host', 'https://admin:S3cr3tPassw0rd!@10.0.0.5/a.png'],
    ['an e-mail address in a data URL parameter', `data:image/png;name=${EMAIL}.png;base64,${PNG_BASE64}`],
    ['an e-mail address in a text data URL', `data:text/plain,Contact%20${ENCODED_EMAIL}`],
  ])('chat image_url: %s is refused with the policy error (a rewritten URL would fetch something else)', async (_, url) => {
    const error = await refusal(chatWith(image(url)));
    expect(error.status).toBe(400);
    expect(error.code).toBe('content_policy_violation');
    expect(error.message).toMatch(/categories: (pii|secret)\./);
    expect(suite.fake.requests).toHaveLength(0);
  });

  it('an image URL given as a string (vLLM, LiteLLM) and a vLLM video_url are read alike', async () => {
    for (const part of [
      { type: 'image_url', image_url: `https://img.example.com/a.png?email=${EMAIL}` },
      { type: 'video_url', video_url: { url: `https://cdn.example.com/v.mp4?email=${EMAIL}` } },
    ]) {
      const { status, text } = await suite.post('/chat/completions', { messages: [{ role: 'user', content: [part] }] });
      expect(status).toBe(400);
      expect(JSON.parse(text).error.code).toBe('content_policy_violation');
    }
    expect(suite.fake.requests).toHaveLength(0);
  });

  it('Responses input_image and input_file URLs', async () => {
    for (const part of [
      { type: 'input_image', image_url: `https://img.example.com/a.png?owner=${ENCODED_EMAIL}`, detail: 'auto' },
      { type: 'input_file', file_url: `https://files.example.com/report.pdf?for=${EMAIL}` },
      { type: 'input_file', file_data: `data:application/pdf;name=${EMAIL}.pdf;base64,JVBERi0xLjQK`, filename: 'report.pdf' },
    ] as const) {
      const error = await refusal(suite.gw.client().responses.create({ model: 'fake-model', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Summarise this.' }, part] }] }));
      expect(error.status).toBe(400);
      expect(error.code).toBe('content_policy_violation');
    }
    expect(suite.fake.requests).toHaveLength(0);
  });

  it("a computer-use screenshot's URL is read like an input_image's; its base64 screenshot relayed", async () => {
    const item = (image_url: string) => ({ type: 'computer_call_output', call_id: 'c1', output: { type: 'computer_screenshot', image_url } });
    const blocked = await suite.post('/responses', { input: [item(`https://shots.example.com/s.png?user=${EMAIL}`)] });
    expect(blocked.status).toBe(400);
    expect(suite.fake.requests).toHaveLength(0);
    const shot = `data:image/png;base64,${PNG_BASE64}`;
    const relayed = await suite.post('/responses', { input: [item(shot)] });
    expect(relayed.status).toBe(200);
    expect(suite.fake.requests[0]!.raw).toContain(shot);
  });
});

describe('a text file attached as a base64 data URL is read like a document in the prompt', () => {
  const csv = (text: string) => `data:text/csv;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
  const decoded = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64').toString('utf8');

  it('its PII is pseudonymized and the file goes upstream re-encoded, the rest of it unchanged', async () => {
    const file = csv(`name,email\nJane,${EMAIL}\n`);
    await suite.gw.client().responses.create({ model: 'fake-model', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Count the rows.' }, { type: 'input_file', file_data: file, filename: 'contacts.csv' }] }] });
    expect(suite.fake.requests).toHaveLength(1);
    const sent = ((suite.fake.requests[0]!.body.input as Array<{ content: Array<{ file_data?: string }> }>)[0]!.content[1]!.file_data)!;
    expect(sent.startsWith('data:text/csv;base64,')).toBe(true);
    expect(decoded(sent)).not.toContain(EMAIL);
    expect(decoded(sent).startsWith('name,email\nJane,')).toBe(true);
  });

  it('an injection planted in it blocks the request (chat file part)', async () => {
    const error = await refusal(
      suite.gw.client().chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarise the notes.' }, { type: 'file', file: { file_data: `data:text/plain;base64,${Buffer.from(INJECTION).toString('base64')}`, filename: 'notes.txt' } }] }] }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('content_policy_violation');
    expect(suite.fake.requests).toHaveLength(0);
  });

  it('a PDF (binary) and bytes that are not UTF-8 are relayed as sent', async () => {
    const pdf = `data:application/pdf;base64,${Buffer.from(`%PDF-1.4 ${EMAIL}`).toString('base64')}`;
    const latin1 = `data:text/plain;base64,${Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]).toString('base64')}`;
    for (const file_data of [pdf, latin1]) {
      await suite.gw.client().responses.create({ model: 'fake-model', input: [{ role: 'user', content: [{ type: 'input_file', file_data, filename: 'doc' }] }] });
      expect(suite.fake.requests.at(-1)!.raw).toContain(file_data);
    }
  });
});

describe('what passes', () => {
  it.each([
    ['a plain image URL', 'https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg'],
    ['an S3 presigned URL (its access key id is the signing identity, meant to travel with the URL)', S3_PRESIGNED],
    ["a GCS signed URL (the signer's service account)", GCS_SIGNED],
    ['a base64 image (binary: not text)', `data:image/png;base64,${PNG_BASE64}`],
    ['a city in the path (a place alone identifies nobody: flagged, not rewritten)', 'https://example.com/travel/Paris/eiffel-tower.jpg'],
    ['an image server addressed by IP (the server, not a person)', 'http://10.0.0.5:8080/images/cat.png'],
    ['an image server addressed by IPv6', 'http://[2001:db8::1]/cat.png'],
    ['a Chinese CDN URL with long numeric ids', 'https://img.alicdn.com/imgextra/i4/2206686532409/O1CN01Qx2bFZ1Dk5Z3qXvYt_!!2206686532409.jpg'],
    ['an instruction-like query (the classifiers do not read URLs: the model sees the image, not its address)', `https://img.example.com/a.png?q=${encodeURIComponent(INJECTION)}`],
  ])('%s is relayed byte for byte', async (_, url) => {
    await chatWith(image(url));
    expect(suite.fake.requests).toHaveLength(1);
    const sent = suite.fake.requests[0]!.body.messages as Array<{ content: Array<{ image_url?: { url: string } }> }>;
    expect(sent[0]!.content[1]!.image_url!.url).toBe(url);
  });

  it("a file's filename is pseudonymized like a prompt's PII, its data relayed as sent", async () => {
    const fileData = `data:application/pdf;base64,JVBERi0xLjQK`;
    await suite.gw.client().responses.create({ model: 'fake-model', input: [{ role: 'user', content: [{ type: 'input_file', file_data: fileData, filename: `cv of ${EMAIL}.pdf` }] }] });
    expect(suite.fake.requests).toHaveLength(1);
    expect(suite.fake.requests[0]!.raw).not.toContain(EMAIL);
    expect(suite.fake.requests[0]!.raw).toContain(fileData);
  });

  it('with guardrails off, URLs are relayed as sent', async () => {
    const open = await startGateway({ upstream: { providers: [fakeProvider(suite.fake)] }, audit: { enabled: false }, guardrails: { enabled: false } });
    try {
      const url = `https://img.example.com/a.png?email=${EMAIL}`;
      await open.client().chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: [image(url)] }] });
      expect(suite.fake.requests[0]!.raw).toContain(EMAIL);
    } finally {
      await open.close();
    }
  });
});
