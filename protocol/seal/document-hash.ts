// The hash every signature on a document binds: SHA-256 and SM3 of the canonical serialisation
// (RFC 8785) of what the document says and what it prints. Printed text is included because a
// signer signs the pages they see; content alone would miss, say, a renamed agency in the header.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/crypto/canonical-json.ts';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import { sm3Hex } from '../crypto/sm3/sm3.ts';

export interface DocHash {
  sha256: string;
  sm3: string;
}

export function dualHash(text: string): DocHash {
  const bytes = new TextEncoder().encode(text);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), sm3: sm3Hex(bytes) };
}

/** The signed form of a document. `printedText`: every character its pages draw, whitespace removed. */
export function signedForm(doc: DocumentDetail, printedText: string): string {
  return canonicalJson({
    v: 1,
    documentId: doc.id,
    type: doc.type,
    docNo: doc.docNo,
    templateVersion: doc.templateVersion,
    content: doc.content,
    printed: printedText.replace(/\s+/g, ''),
  });
}

export function documentHash(doc: DocumentDetail, printedText: string): DocHash {
  return dualHash(signedForm(doc, printedText));
}
