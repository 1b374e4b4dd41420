// 询问笔录 (DOCUMENTS.md §1).
import { Button, Card } from 'antd';
import { ID_TYPES } from '../../../shared/domain/case.ts';
import { templateFor } from '../../../shared/documents/templates.ts';
import { useEditor } from '../editor-context.tsx';
import { ChoiceInput, Field, Grid, OfficerInput, TextInput, TimeAndPlace, TimeInput } from '../fields.tsx';
import { setPath } from '../paths.ts';
import { OpeningAnswers } from './OpeningAnswers.tsx';
import { QaList } from './QaList.tsx';

const RELATIONS = ['当事人', '法定代表人', '受委托人', '员工', '证人', '其他'];

export function InquiryEditor() {
  const { doc, update, readOnly } = useEditor();
  const template = templateFor('inquiry', doc.templateVersion);
  return (
    <>
      <Card size="small" title={`询问情况（第 ${doc.context.inquirySequence ?? 1} 次询问）`} className="doc-section">
        <Grid>
          <TimeAndPlace />
          <Field label="询问人">
            <OfficerInput path="inquirerId" testId="inquiry-inquirer" />
          </Field>
          <Field label="记录人">
            <OfficerInput path="recorderId" testId="inquiry-recorder" />
          </Field>
          <Field label="交换询问人与记录人">
            <Button
              disabled={readOnly}
              onClick={() => update((c) => setPath(setPath(c, 'inquirerId', c.recorderId), 'recorderId', c.inquirerId), 'swap')}
            >
              交换
            </Button>
          </Field>
        </Grid>
      </Card>
      <Card size="small" title="被询问人" className="doc-section">
        <Grid cols={4}>
          <Field label="姓名">
            <TextInput path="interviewee.name" testId="interviewee-name" />
          </Field>
          <Field label="性别">
            <ChoiceInput path="interviewee.gender" options={['男', '女']} />
          </Field>
          <Field label="出生日期">
            <TimeInput path="interviewee.birthDate" date />
          </Field>
          <Field label="民族">
            <TextInput path="interviewee.ethnicity" />
          </Field>
          <Field label="证件种类">
            <ChoiceInput path="interviewee.idType" options={ID_TYPES} />
          </Field>
          <Field label="证件号码">
            <TextInput path="interviewee.idNumber" testId="interviewee-id" />
          </Field>
          <Field label="与案件关系">
            <ChoiceInput path="interviewee.relation" options={RELATIONS} testId="interviewee-relation" />
          </Field>
          <Field label="联系电话">
            <TextInput path="interviewee.phone" />
          </Field>
          <Field label="工作单位" span={2}>
            <TextInput path="interviewee.employer" />
          </Field>
          <Field label="职务">
            <TextInput path="interviewee.position" />
          </Field>
          <Field label="其他在场人员">
            <TextInput path="othersPresent" />
          </Field>
          <Field label="联系地址" span={2}>
            <TextInput path="interviewee.address" />
          </Field>
          <Field label="翻译人员（如有）">
            <TextInput path="interpreter.name" placeholder="姓名" />
          </Field>
          <Field label="翻译人员单位及联系方式">
            <TextInput path="interpreter.unit" />
          </Field>
        </Grid>
      </Card>
      <OpeningAnswers officerPaths={['inquirerId', 'recorderId']} who="被询问人" />
      <QaList />
      <Card size="small" title="结尾" className="doc-section">
        <div className="opening-q">
          <b>问：</b>
          {template.closing}
        </div>
        <Field label="被询问人的确认意见（以被询问人自己的话记录）" hint={`惯用表述：「${template.confirmation}」`}>
          <div style={{ display: 'flex', gap: 8 }}>
            <div style={{ flex: 1 }}>
              <TextInput path="confirmation" rows={2} testId="inquiry-confirmation" />
            </div>
            {!readOnly && <Button onClick={() => update((c) => setPath(c, 'confirmation', template.confirmation), 'confirmation')}>填入惯用表述</Button>}
          </div>
        </Field>
      </Card>
    </>
  );
}
