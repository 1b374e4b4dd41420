// 询问笔录 (DOCUMENTS.md §1).
import { Button, Card, Radio } from 'antd';
import { ID_TYPES } from '../../../shared/domain/case.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace, TimeInput } from '../fields.tsx';
import { fieldId, getPath, setPath } from '../paths.ts';
import { OpeningAnswers } from './OpeningAnswers.tsx';
import { QaList } from './QaList.tsx';

const RELATIONS = ['当事人', '法定代表人', '受委托人', '员工', '证人', '其他'];

export function InquiryEditor() {
  const { doc, update, readOnly, label } = useEditor();
  return (
    <>
      <Card
        size="small"
        title={`${label('section.header')}（第 ${doc.context.inquirySequence ?? 1} 次询问）`}
        className="doc-section"
      >
        <Grid>
          <TimeAndPlace />
          <Field name="inquirerId">
            <OfficerInput path="inquirerId" testId="inquiry-inquirer" />
          </Field>
          <Field name="recorderId">
            <OfficerInput path="recorderId" testId="inquiry-recorder" />
          </Field>
          <Field label="交换询问人与记录人">
            <Button
              disabled={readOnly}
              onClick={() =>
                update((c) => setPath(setPath(c, 'inquirerId', c.recorderId), 'recorderId', c.inquirerId), 'swap')
              }
            >
              交换
            </Button>
          </Field>
        </Grid>
      </Card>
      <Card size="small" title={label('section.interviewee')} className="doc-section">
        <Grid cols={4}>
          <Field name="interviewee.name">
            <TextInput path="interviewee.name" testId="interviewee-name" />
          </Field>
          <Field name="interviewee.gender">
            <ChoiceInput path="interviewee.gender" options={['男', '女']} />
          </Field>
          <Field name="interviewee.birthDate">
            <TimeInput path="interviewee.birthDate" date />
          </Field>
          <Field name="interviewee.ethnicity">
            <TextInput path="interviewee.ethnicity" />
          </Field>
          <Field name="interviewee.idType">
            <ChoiceInput path="interviewee.idType" options={ID_TYPES} />
          </Field>
          <Field name="interviewee.idNumber">
            <TextInput path="interviewee.idNumber" testId="interviewee-id" />
          </Field>
          <Field name="interviewee.relation">
            <ChoiceInput path="interviewee.relation" options={RELATIONS} testId="interviewee-relation" />
          </Field>
          <Field name="interviewee.phone">
            <TextInput path="interviewee.phone" />
          </Field>
          <Field name="interviewee.employer" span={2}>
            <TextInput path="interviewee.employer" />
          </Field>
          <Field name="interviewee.position">
            <TextInput path="interviewee.position" />
          </Field>
          <Field name="othersPresent">
            <TextInput path="othersPresent" />
          </Field>
          <Field name="interviewee.address" span={2}>
            <TextInput path="interviewee.address" />
          </Field>
          <Field name="interpreter.name">
            <TextInput path="interpreter.name" placeholder="姓名" />
          </Field>
          <Field name="interpreter.unit">
            <TextInput path="interpreter.unit" />
          </Field>
        </Grid>
      </Card>
      <OpeningAnswers officerPaths={['inquirerId', 'recorderId']} who="被询问人" />
      <QaList />
      <Closing />
    </>
  );
}

/**
 * The closing statement and the interviewee's confirmation. From template 2026.1 the officer says
 * how the record was checked — read by the interviewee (核对) or read out to them (宣读) — and only
 * that closing prints; the customary confirmation follows the choice. 2023.1 shows its one closing.
 */
function Closing() {
  const { content, update, readOnly, template, label, flagged } = useEditor();
  const alts = template.closingAlternatives;
  const chosen = alts?.options.find((o) => o.value === getPath(content, alts.path));
  const closing = alts ? (chosen?.closing ?? '（请先选择核对方式）') : template.closing;
  const confirmation = chosen?.confirmation ?? template.confirmation;
  return (
    <Card size="small" title={label('section.closing')} className="doc-section">
      {alts && (
        <Field label={alts.label}>
          <Radio.Group
            id={fieldId(alts.path)}
            value={chosen?.value}
            disabled={readOnly}
            data-testid="inquiry-closing-mode"
            style={flagged.has(alts.path) ? { outline: '1px solid #faad14', borderRadius: 4, padding: 2 } : undefined}
            onChange={(e) => update((c) => setPath(c, alts.path, e.target.value as string), alts.path)}
            options={alts.options.map((o) => ({ value: o.value, label: o.label }))}
          />
        </Field>
      )}
      <div className="opening-q" data-testid="inquiry-closing">
        <b>问：</b>
        {closing}
      </div>
      <Field name="confirmation" hint={`惯用表述：「${confirmation}」`}>
        <div style={{ display: 'flex', gap: 8 }}>
          <div style={{ flex: 1 }}>
            <TextInput path="confirmation" rows={2} testId="inquiry-confirmation" />
          </div>
          {!readOnly && (
            <Button onClick={() => update((c) => setPath(c, 'confirmation', confirmation), 'confirmation')}>
              填入惯用表述
            </Button>
          )}
        </div>
      </Field>
    </Card>
  );
}
