// 违法行为时间: when the conduct happened (a day, a period, or continuing until now) and when it
// was discovered. It decides which version of the law applies (docs/LAW.md), so the form asks for
// it before the matter — the matter picker shows the law of these dates.
import { Col, Form, Input, Radio, Row } from 'antd';
import { CONDUCT_KIND_LABELS, CONDUCT_KINDS } from '../../shared/domain/case-law.ts';
import { FormTimePicker } from '../forms/time-pickers.tsx';

export function ConductFields() {
  const kind = (Form.useWatch(['conduct', 'kind']) as string | undefined) ?? 'day';
  return (
    <>
      <Form.Item
        label="违法行为时间"
        name={['conduct', 'kind']}
        required
        extra="违法行为发生的时间决定适用哪一版本的法律（如《中华人民共和国网络安全法》自2026年1月1日起施行修正后的条文），须在选择执法事项前填写。"
      >
        <Radio.Group data-testid="conduct-kind">
          {CONDUCT_KINDS.map((k) => (
            <Radio value={k} key={k}>
              <span data-testid={`conduct-kind-${k}`}>{CONDUCT_KIND_LABELS[k]}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={24}>
        <Col span={8}>
          <Form.Item label={kind === 'day' ? '发生日期' : '开始日期'} name={['conduct', 'from']} required>
            <FormTimePicker kind="day" testId="conduct-from" />
          </Form.Item>
        </Col>
        <Col span={8}>
          {kind === 'period' ? (
            <Form.Item label="终了日期" name={['conduct', 'to']} required>
              <FormTimePicker kind="day" testId="conduct-to" />
            </Form.Item>
          ) : (
            <Form.Item label="终了日期">
              <Input disabled value={kind === 'continuing' ? '持续至今' : '同发生日期'} />
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item label="发现日期" name={['conduct', 'discoveredOn']} required>
            <FormTimePicker kind="day" testId="conduct-discovered" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The conduct's dates as far as the form has them, for the matter picker (null until a start date is given). */
export function conductDates(v: { kind?: string; from?: string; to?: string } | undefined) {
  const from = v?.from ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  if (v?.kind === 'continuing') return { from, to: null };
  if (v?.kind === 'period') return /^\d{4}-\d{2}-\d{2}$/.test(v.to ?? '') && v.to! > from ? { from, to: v.to! } : null;
  return { from, to: from };
}
