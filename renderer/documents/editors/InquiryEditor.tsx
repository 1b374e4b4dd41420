// 询问笔录 (DOCUMENTS.md §1).
import { Button, Card } from 'antd';
import { ID_TYPES } from '../../../shared/domain/case.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace, TimeInput } from '../fields.tsx';
import { setPath } from '../paths.ts';
import { OpeningAnswers } from './OpeningAnswers.tsx';
import { QaList } from './QaList.tsx';

const RELATIONS = ['当事人', '法定代表人', '受委托人', '员工', '证人', '其他'];

export function InquiryEditor() {
  const { doc, update, readOnly, template, label } = useEditor();
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
      <Card size="small" title={label('section.closing')} className="doc-section">
        <div className="opening-q">
          <b>问：</b>
          {template.closing}
        </div>
        <Field name="confirmation" hint={`惯用表述：「${template.confirmation}」`}>
          <div style={{ display: 'flex', gap: 8 }}>
            <div style={{ flex: 1 }}>
              <TextInput path="confirmation" rows={2} testId="inquiry-confirmation" />
            </div>
            {!readOnly && (
              <Button onClick={() => update((c) => setPath(c, 'confirmation', template.confirmation), 'confirmation')}>
                填入惯用表述
              </Button>
            )}
          </div>
        </Field>
      </Card>
    </>
  );
}
