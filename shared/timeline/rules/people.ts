// The people a case's records name: witnessIsParty (a witness who is the party, its staff or its
// agent) and sharedIdNumber (one identity number for two named people, across this device's
// cases). Both are warnings both officers may confirm with their passwords, having checked.
import { normaliseIdNumber } from '../../validation/resident-id.ts';
import type { NamedPerson } from '../facts.ts';
import type { Found, RuleContext } from '../rule-context.ts';
import type { TimelineDocument } from '../timeline-api.ts';

const bare = (s: string) => s.replace(/\s/g, '');
/** The words by which a record says a person is on the party's side. */
const PARTY_SIDE = /当事人|法定代表人|负责人|受委托|委托代理|代理人|员工|职工|雇员|工作人员/;

export function witnessIsParty(x: RuleContext): Found[] {
  const party = x.input.party;
  const sameParty = (u: string) => bare(u) !== '' && bare(u) === bare(party.name);
  // The people the case's records show on the party's side: its staff and agents.
  const partySide = x.input.documents.flatMap((d) =>
    d.facts.persons
      .filter((p) => !p.witness && bare(p.name) && (sameParty(p.unit) || PARTY_SIDE.test(p.relation)))
      .map((p) => ({ d, p })),
  );
  const out: Found[] = [];
  for (const d of x.input.documents)
    for (const w of d.facts.persons) {
      if (!w.witness || !bare(w.name)) continue;
      const id = normaliseIdNumber(w.idNumber);
      const same = (p: NamedPerson) =>
        id && normaliseIdNumber(p.idNumber) ? normaliseIdNumber(p.idNumber) === id : bare(p.name) === bare(w.name);
      const known = partySide.find(({ p }) => same(p));
      const why =
        bare(w.name) === bare(party.name) || (id !== '' && id === normaliseIdNumber(party.idNumber))
          ? '就是本案当事人'
          : bare(party.representative) !== '' && bare(w.name) === bare(party.representative)
            ? '是当事人的法定代表人（负责人）'
            : sameParty(w.unit)
              ? `是当事人的工作人员（工作单位：${w.unit}）`
              : PARTY_SIDE.test(w.relation)
                ? `的身份为「${w.relation}」`
                : known
                  ? `在${x.name(known.d)}中是当事人一方的${known.p.role}（${[known.p.unit, known.p.relation].filter(Boolean).join('，')}）`
                  : null;
      if (!why) continue;
      out.push({
        rule: 'witnessIsParty',
        at: [{ documentId: d.id, path: `${w.path}.name` }],
        subject: `witness:${d.id}:${w.path}:${bare(w.name)}:${id}`,
        message: `${x.name(d)}的见证人${w.name}${why}：见证人应与当事人没有利害关系，由当事人一方的人员见证，难以证明记录属实。请另请无利害关系的人见证；确实无人可以见证的，须两名执法人员核实后确认并说明理由（并应全程录音录像）。`,
      });
    }
  return out;
}

interface Named {
  idNumber: string;
  name: string;
  where: string;
  at?: { documentId: string; path: string };
}

export function sharedIdNumber(x: RuleContext): Found[] {
  const here: Named[] = [
    ...(x.input.party.idNumber
      ? [{ idNumber: x.input.party.idNumber, name: x.input.party.name, where: '本案当事人' }]
      : []),
    ...x.input.documents.flatMap((d: TimelineDocument) =>
      d.facts.persons.map((p) => ({
        idNumber: p.idNumber,
        name: p.name,
        where: `${x.name(d)}的${p.role}`,
        at: { documentId: d.id, path: `${p.path}.idNumber` },
      })),
    ),
  ];
  const all = [...here, ...x.input.elsewhere]
    .map((n) => ({ ...n, idNumber: normaliseIdNumber(n.idNumber), name: bare(n.name) }))
    .filter((n) => n.idNumber && n.name);
  const byNumber = new Map<string, Named[]>();
  for (const n of all) byNumber.set(n.idNumber, [...(byNumber.get(n.idNumber) ?? []), n]);
  const out: Found[] = [];
  const inCase = new Set(here.map((n) => normaliseIdNumber(n.idNumber)));
  for (const [number, named] of byNumber) {
    const names = [...new Set(named.map((n) => n.name))].sort();
    if (names.length < 2 || !inCase.has(number)) continue;
    const list = names.map(
      (nm) => `${nm}（${[...new Set(named.filter((n) => n.name === nm).map((n) => n.where))].join('、')}）`,
    );
    out.push({
      rule: 'sharedIdNumber',
      at: named.flatMap((n) => (n.at ? [n.at] : [])),
      subject: `id:${number}:${names.join('|')}`,
      message: `身份证件号码${number}在本机的记录中属于不同姓名的人：${list.join('；')}。同一号码只能属于一个人：请核对证件，更正录错的一处；核对证件无误的，须两名执法人员确认。`,
    });
  }
  return out;
}
