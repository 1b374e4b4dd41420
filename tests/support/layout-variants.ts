// Documents that exercise every branch of the print layouts: each type filled, empty, and with
// the optional parts switched on and off. The layout-spec goldens (tests/golden/layout/) are made
// from these, per template version.
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import type { DocumentType } from '../../shared/documents/document-types.ts';
import { printable as printableOf, type FixtureVersion } from './print-fixtures.ts';

type C = Record<string, unknown>;

/** The fixtures' content for a template version: the 2023.x references were made from 2023.1's. */
export const fixtureVersion = (templateVersion: string): FixtureVersion =>
  templateVersion.startsWith('2023.') ? '2023.1' : '2026.1';

export function layoutVariants(
  type: DocumentType,
  version: FixtureVersion = '2023.1',
  /** The template version printed, for variants only it knows (现场笔录 2026.2: a 复查's outcome). */
  templateVersion = '',
): [string, DocumentDetail][] {
  const printable = (t: DocumentType, opts: { draft?: boolean; content?: object } = {}) =>
    printableOf(t, { ...opts, version });
  const variant = (t: DocumentType, change: (c: C) => C, extra: Partial<DocumentDetail> = {}): DocumentDetail => {
    const d = printable(t);
    return { ...d, ...extra, content: change(structuredClone(d.content)) };
  };
  const base: [string, DocumentDetail][] = [
    ['filled', printable(type)],
    ['draft', printable(type, { draft: true })],
    ['empty', { ...printable(type, { draft: true, content: {} }) }],
    [
      'correction',
      {
        ...printable(type),
        correction: {
          corrects: { id: 'd0', docNo: '网信案〔2026〕0009号', reason: '被询问人姓名录入有误' },
          correctedBy: null,
        } as DocumentDetail['correction'],
      },
    ],
  ];
  // Only the versions of 2026 on know these parts (the 2023.x references keep their variants).
  const since2026: [string, DocumentDetail][] =
    version === '2023.1'
      ? []
      : type === 'inquiry'
        ? [
            ['read-out', variant(type, (c) => ({ ...c, closingMode: '宣读' }))],
            ['no-closing-mode', variant(type, ({ closingMode: _m, ...c }) => c)],
          ]
        : type === 'evidence'
          ? [
              [
                'imported-step-no-digests',
                variant(type, (c) => ({
                  ...c,
                  steps: [
                    ...(c.steps as C[]),
                    {
                      id: 'auto-x',
                      time: '2026-11-20T09:15',
                      auto: true,
                      text: `导入电子数据「nginx-access.log」（202082字节），SHA-256：${'ab'.repeat(32)}，SM3：${'cd'.repeat(32)}。`,
                    },
                  ],
                  items: (c.items as C[]).map((it, i) => (i === 0 ? { ...it, sha256: '', sm3: '' } : it)),
                  originalMediumNote: '原始介质由当事人保存',
                })),
              ],
            ]
          : [];
  switch (type) {
    case 'inquiry':
      return [
        ...base,
        ...since2026,
        [
          'interpreter',
          variant(type, (c) => ({
            ...c,
            interpreter: { name: '阿依古丽', unit: '柳州市翻译协会', contact: '13900001111' },
            othersPresent: '张三（律师）',
          })),
        ],
        [
          'no-id-type-no-sequence',
          {
            ...variant(type, (c) => ({
              ...c,
              interviewee: { ...(c.interviewee as C), idType: '' },
              closingStatement: '',
            })),
            context: { ...printable(type).context, inquirySequence: null },
          },
        ],
      ];
    case 'onsite':
      return [
        ...base,
        ...since2026,
        [
          'witness',
          variant(type, (c) => ({
            ...c,
            witness: {
              name: '赵六',
              idType: '居民身份证',
              idNumber: '450202199001011234',
              unit: '星河大厦物业',
              phone: '13800001111',
            },
          })),
        ],
        [
          'bare',
          variant(type, (c) => ({
            ...c,
            present: [],
            measures: [
              { id: 'm1', kind: '拍照', description: '', linkedDocumentId: 'gone' },
              { id: 'm2', kind: '其他', description: '责令整改', linkedDocumentId: '' },
            ],
            statement: '',
            witness: { name: '' },
            party: { ...(c.party as C), platform: '' },
          })),
        ],
        ...(templateVersion === '2026.2'
          ? ([
              [
                'review',
                variant(type, (c) => ({
                  ...c,
                  measures: [
                    {
                      id: 'r1',
                      kind: '复查',
                      description: '网站后台仍使用弱口令，未开启二次验证。',
                      linkedDocumentId: 'gone',
                      outcome: '未改正',
                      earlyReason: '',
                    },
                    {
                      id: 'r2',
                      kind: '复查',
                      description: '',
                      linkedDocumentId: '',
                      outcome: '已改正',
                      earlyReason: '当事人书面报告已提前改正',
                    },
                  ],
                })),
              ],
            ] as [string, DocumentDetail][])
          : []),
      ];
    case 'evidence':
      return [
        ...base,
        ...since2026,
        [
          'witness-provenance',
          variant(type, (c) => ({
            ...c,
            witness: {
              name: '赵六',
              idType: '居民身份证',
              idNumber: '450202199001011234',
              unit: '星河大厦物业',
              phone: '',
            },
            steps: [
              { id: 's1', time: '', text: '打开网页' },
              { id: 's2', time: '2026-11-20T09:10', text: '截图' },
            ],
            items: (c.items as C[]).map((it, i) =>
              i === 0
                ? {
                    ...it,
                    provenance: {
                      original: false,
                      copyMethod: '拷贝',
                      copyMadeAt: '2026-11-20T09:30',
                      copyMadeBy: '李明',
                      provider: '张三',
                      providerStatement: true,
                      deviceSerial: 'SN1',
                      description: '',
                      timeSourceNote: '',
                    },
                  }
                : it,
            ),
          })),
        ],
      ];
    case 'preservation':
      return [
        ...base,
        ...since2026,
        [
          'witness-no-approval',
          variant(type, (c) => ({
            ...c,
            witness: { name: '赵六', idType: '居民身份证', idNumber: '450202199001011234', unit: '', phone: '' },
            approval: { approver: '', at: '', how: '' },
            partyName: '',
          })),
        ],
        ['no-start', variant(type, (c) => ({ ...c, startDate: '' }))],
        ['national-day', variant(type, (c) => ({ ...c, startDate: '2026-09-30' }))],
      ];
    case 'rectification':
      return [
        ...base,
        [
          'person-working-days-witness',
          variant(type, (c) => ({
            ...c,
            party: {
              name: '刘某',
              idLabel: '居民身份证',
              idNumber: '450203198805120038',
              address: '',
              legalRepresentative: '',
            },
            deadline: { days: '5', unit: '工作日', from: '2026-09-30', endDate: '2026-10-13' },
            witness: {
              name: '赵六',
              idType: '居民身份证',
              idNumber: '450202199001011234',
              unit: '',
              role: '',
              phone: '',
            },
          })),
        ],
      ];
    case 'disposal':
      return [
        ...base,
        [
          'transfer-late-no-return',
          variant(type, (c) => ({
            ...c,
            items: (c.items as C[]).map((it) => ({ ...it, decision: '移送有关机关处理' })),
            transfer: { authority: '柳州市公安局柳南分局', reason: '涉嫌非法侵入计算机信息系统罪。' },
            lateReason: '鉴定机构出具意见延迟。',
            returnReceipt: { receivedBy: '', at: '', condition: '' },
          })),
        ],
      ];
    case 'delivery':
      return [
        ...base,
        [
          'left-with-witness',
          variant(type, (c) => ({
            ...c,
            method: '留置送达',
            receiver: { name: '', relation: '' },
            leftReason: '法定代表人拒绝签收，留置于公司前台。',
            witness: {
              name: '赵六',
              idType: '居民身份证',
              idNumber: '450202199001011234',
              unit: '大厦物业',
              role: '',
              phone: '',
            },
            note: '留置过程已录像。',
          })),
        ],
        [
          'post',
          variant(type, (c) => ({
            ...c,
            method: '邮寄送达',
            place: '',
            receiver: { name: '', relation: '' },
            trackingNo: 'EMS1234567890',
          })),
        ],
        [
          'electronic',
          variant(type, (c) => ({
            ...c,
            method: '电子送达',
            place: '',
            electronic: { consent: '当事人书面同意电子送达。', address: 'legal@xinghe-news.cn' },
          })),
        ],
      ];
  }
}
