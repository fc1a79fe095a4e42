/**
 * The readable text of a media or file URL in a request (an image's `url`, a Responses `file_url`, a file's
 * `file_data`), for the identifier detectors: the provider receives, logs and fetches these, so an e-mail address
 * in a query string is PII sent upstream like one in the prompt. What is read:
 *  - a URL, percent-decoded (`jane%40acme.com` is an address), `+` in its query read as a space (form encoding);
 *    the values of URL-signing parameters (`X-Amz-Credential=AKIA…`, `X-Goog-Credential=…@…iam.gserviceaccount.com`,
 *    `Signature`, `sig` …) are left out: a presigned URL's signing identity is meant to travel with it and is
 *    not a person's data; nor is a host given as an IP address (a self-hosted image server);
 *  - a data URL's header (`image/png;name=…`), and its payload only when it is not base64 (percent-encoded text);
 *    a base64 payload is a picture, a sound or a PDF's bytes, which no text detector reads;
 *  - a bare base64 payload (`file_data` without the `data:` prefix): nothing.
 * The view is read, never written back: texts.ts marks it `fixed`, so a policy that would rewrite it blocks.
 * A base64 data URL of a text file is more than a URL: its decoded text is a document (`textFileOf`).
 */

/** Query parameters of URL-signing schemes (AWS SigV2/V4, Google V2/V4, CloudFront, Azure SAS). */
const SIGNING_PARAM = /^(?:x-amz-[\w-]+|x-goog-[\w-]+|awsaccesskeyid|googleaccessid|signature|key-pair-id|policy|sig|skoid|sktid)$/i;

/** How much of a string is looked at to tell a bare base64 payload from a URL. */
const SNIFF_CHARS = 1024;
const BASE64_ONLY = /^[A-Za-z0-9+/_=\s-]+$/;

/** Decodes percent escapes; a malformed one (`%zz`, a lone surrogate's bytes) is kept as written. */
function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** A query or fragment, form-decoded, each signing parameter's value left out. */
function readableQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = percentDecoded((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      if (eq < 0) return name;
      return SIGNING_PARAM.test(name) ? `${name}=` : `${name}=${percentDecoded(pair.slice(eq + 1).replace(/\+/g, ' '))}`;
    })
    .join('&');
}

/** The text of a data URL the detectors read: its header's parameters, and a payload that is not base64. */
function dataUrlText(url: string): string {
  const comma = url.indexOf(',');
  const header = comma < 0 ? url.slice(5) : url.slice(5, comma);
  const base64 = /;base64$/i.test(header);
  const params = percentDecoded(base64 ? header.slice(0, -7) : header);
  // A bare media type (`image/png`) names no one: nothing to scan.
  const named = params.includes(';') ? params : '';
  if (base64 || comma < 0) return named;
  const payload = percentDecoded(url.slice(comma + 1));
  return named && payload ? `${named}\n${payload}` : named || payload;
}

/**
 * Media types whose bytes are text the model reads as it is (a `.txt`, `.csv`, `.md`, `.json` file attached as
 * `input_file` / chat `file`): a base64 data URL of one is decoded and read like a document in the prompt.
 */
const TEXT_MEDIA_TYPE = /^(?:text\/[\w.+-]+|application\/(?:json|xml|csv|x-ndjson|x-yaml|yaml|javascript|x-sh|sql|[\w.-]+\+(?:json|xml)))$/i;

/** A base64 data URL of a text file: its UTF-8 text, and how a rewritten text goes back into the URL. */
export interface TextFile {
  text: string;
  encode: (text: string) => string;
}

/**
 * The text file in `value` when it is a base64 data URL of a textual media type holding valid UTF-8 (the
 * detectors read it whole; a rewritten text is encoded back, so a pseudonymized CSV reaches the upstream as a
 * CSV). Undefined otherwise: a picture, a PDF (whose text no detector can extract) or bytes that are not UTF-8.
 */
export function textFileOf(value: string): TextFile | undefined {
  if (value.length < 5 || value.slice(0, 5).toLowerCase() !== 'data:') return undefined;
  const comma = value.indexOf(',');
  if (comma < 0) return undefined;
  const header = value.slice(5, comma);
  if (!/;base64$/i.test(header)) return undefined;
  const mediaType = header.split(';', 1)[0]!.trim();
  if (!TEXT_MEDIA_TYPE.test(mediaType)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value.slice(comma + 1), 'base64'));
  } catch {
    return undefined;
  }
  const prefix = value.slice(0, comma + 1);
  return { text, encode: (rewritten) => prefix + Buffer.from(rewritten, 'utf8').toString('base64') };
}

/**
 * A URL whose host is an IP address (`http://10.0.0.5/cat.png`, a self-hosted model's image server): the address
 * is the server's, not a person's, and would read as `pii.ip_address`. Matches up to the host (scheme, userinfo).
 */
const IP_HOST = /^([a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?)(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?=[:/?#]|$)/i;

/** The text of `value` the identifier detectors read ('' when there is none). */
export function mediaUrlText(value: string): string {
  if (value.length >= 5 && value.slice(0, 5).toLowerCase() === 'data:') return dataUrlText(value);
  const head = value.slice(0, SNIFF_CHARS);
  if (head.length >= 64 && !head.includes(':') && BASE64_ONLY.test(head)) return '';
  const ipHost = IP_HOST.exec(head);
  if (ipHost) value = `${ipHost[1]}host${value.slice(ipHost[0].length)}`;
  const query = value.search(/[?#]/);
  return query < 0 ? percentDecoded(value) : percentDecoded(value.slice(0, query)) + value[query] + readableQuery(value.slice(query + 1));
}
