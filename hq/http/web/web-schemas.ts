// What the staff page takes from a request — route parameters, queries, form fields — as zod
// schemas, checked before a handler runs (a failure is a 400 page naming the field).
import { z } from 'zod';
import '../../../shared/api/zod-locale.ts';
import { Sha256HexSchema } from '../../../protocol/sync/hq-api.ts';

const Uuid = (what: string) => z.string().regex(/^[0-9a-f-]{36}$/, `${what}须为36位（小写十六进制与连字符）。`);
/** Case and document ids come from devices: any text, bounded. */
const RecordId = z.string().min(1).max(200);

export const LoginForm = z.object({ username: z.string().max(100), password: z.string().max(1024) });
export const CodeForm = z.object({
  note: z.string().trim().max(60, '备注最多60个字。').default(''),
  prefix: z.string().trim().max(12, '案号前缀最多12个字。').default(''),
  office: Uuid('单位编号').optional(),
});
export const RevokeForm = z.object({ reason: z.string().trim().min(1, '请填写吊销原因。').max(500) });

export const DeviceParams = z.object({ deviceId: Uuid('设备编号') });
export const DeviceQuery = z.object({ verify: z.literal('1', '参数 verify 只能是 1。').optional() });
export const CasesQuery = z.object({ q: z.string().max(2000).default('') });
export const CaseParams = z.object({ caseId: RecordId });
export const DocumentParams = z.object({ documentId: RecordId });
export const EvidenceParams = z.object({ documentId: RecordId, sha256: Sha256HexSchema });
export const ReceiptsParams = z.object({ receiptsId: Uuid('回执文件编号') });
