// The law of a matter in short, for the versions that matter to a case's conduct: one version —
// its basis and penalty; two (a change of the law between the conduct and today, or during it) —
// both side by side, with the rule of 行政处罚法 第三十七条.
import { Col, Row, Tag, Tooltip } from 'antd';
import type { MatterSummary } from '../../shared/catalog/catalog-schema.ts';
import { ART_37, periodLabel } from '../../shared/catalog/law-in-force.ts';

type Period = MatterSummary['periods'][number];

const Unverified = () => (
  <Tooltip title="条文未经官方文本核对，或未能取得全文：详见事项详情中各条的说明。用于正式文书前，应以全国人大常委会公报或国家法律法规数据库的文本核对。">
    <Tag color="orange" style={{ marginLeft: 6 }}>
      条文未核实
    </Tag>
  </Tooltip>
);

function Short({ p }: { p: Period }) {
  return (
    <>
      <div>
        <b>法律依据</b>
        {'\u3000'}
        {p.basisShort}
        {p.unverified && <Unverified />}
      </div>
      <div>
        <b>处罚幅度</b>
        {'\u3000'}
        {p.penaltyShort || '—'}
      </div>
    </>
  );
}

export function LawPeriodsHint({ periods, footer }: { periods: Period[]; footer?: string }) {
  if (periods.length === 0)
    return <div className="matter-hint">违法行为发生时，本事项所依据的法律尚未施行：请核对违法行为时间。</div>;
  if (periods.length === 1)
    return (
      <div className="matter-hint" data-testid="law-hint">
        <Short p={periods[0]!} />
      </div>
    );
  return (
    <div className="matter-hint" data-testid="law-hint">
      <div style={{ marginBottom: 6 }}>
        违法行为时间涉及法律修改前后的{periods.length}个版本。{ART_37.citation}：{ART_37.text}
      </div>
      <Row gutter={12}>
        {periods.map((p) => (
          <Col span={24 / Math.min(periods.length, 3)} key={p.effectiveFrom ?? ''} data-testid="law-hint-period">
            <div style={{ fontWeight: 600 }}>{periodLabel(p)}</div>
            <Short p={p} />
          </Col>
        ))}
      </Row>
      {footer && <div style={{ marginTop: 6 }}>{footer}</div>}
    </div>
  );
}
