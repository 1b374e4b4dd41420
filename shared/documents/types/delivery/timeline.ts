// What a 送达回证 says about time and people (shared/timeline/facts.ts): the service of the document
// it names, at its minute, by the two officers who served (they cannot be in another record then;
// not before the served document was made); a witness of a 留置送达 is checked like every witness.
import type { DocumentFacts } from '../../../timeline/facts.ts';
import type { DeliveryContent } from './content.ts';

export function deliveryFacts(c: DeliveryContent): DocumentFacts {
  const w = c.witness;
  return {
    acts: c.servedAt
      ? [
          {
            kind: 'service',
            at: c.servedAt,
            label: `送达${c.servedDocumentName}`,
            path: 'servedAt',
            officers: c.serverIds.filter(Boolean),
            ...(c.servedDocumentId ? { target: c.servedDocumentId } : {}),
          },
        ]
      : [],
    completeAt: c.servedAt,
    completePath: 'servedAt',
    measures: [],
    persons: w.name
      ? [
          {
            path: 'witness',
            role: '见证人',
            name: w.name,
            idType: w.idType,
            idNumber: w.idNumber,
            unit: w.unit,
            relation: w.role,
            witness: true,
          },
        ]
      : [],
  };
}
