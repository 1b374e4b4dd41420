// What a re-verification found, for one case (the case page) or the whole device (the 工作台):
// the count, and each failure by name — with its case when the run spans every case.
import { Alert } from 'antd';
import type { VerifyReport } from '../../shared/evidence/evidence-schema.ts';

export function ReverifyResult({
  report,
  wholeDevice,
  testId,
}: {
  report: VerifyReport;
  wholeDevice: boolean;
  testId: string;
}) {
  const failed = report.failures.length;
  const where = wholeDevice ? '本机全部 ' : ' ';
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={failed ? 'error' : 'success'}
      showIcon
      data-testid={testId}
      title={
        failed
          ? `${failed} 件电子数据核验未通过（${wholeDevice ? '本机' : ''}共核验 ${report.checked} 件）`
          : `已重新计算${where}${report.checked} 件电子数据的校验值，全部与导入时一致。`
      }
      description={
        failed ? (
          <div style={{ whiteSpace: 'pre-line' }}>
            {report.failures.map((f) => (wholeDevice ? `案件 ${f.caseNo}：${f.detail}` : f.detail)).join('\n')}
          </div>
        ) : undefined
      }
    />
  );
}
