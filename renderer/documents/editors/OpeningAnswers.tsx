// The template's opening statements, rendered with the officers, agency and matter; each needs
// the person's answer, recorded in their words (a customary answer can be inserted).
import { Button, Card } from 'antd';
import { matterPhrase, officersPhrase, renderTemplateText } from '../../../shared/documents/templates.ts';
import { useEditor } from '../editor-context.tsx';
import { TextInput } from '../fields.tsx';
import { getPath, setPath } from '../paths.ts';

export function OpeningAnswers({ officerPaths, who }: { officerPaths: string[]; who: string }) {
  const { content, update, doc, readOnly, template, label } = useEditor();
  const ids = officerPaths.flatMap((p) => {
    const v = getPath(content, p);
    return Array.isArray(v) ? (v as string[]) : [v as string];
  });
  const officers = [...new Set(ids)]
    .map((id) => doc.context.officers.find((o) => o.id === id))
    .filter((o) => o !== undefined);
  const vars = {
    agency: doc.context.agency,
    officers: officersPhrase(officers),
    matter: matterPhrase(doc.context.matterName),
    party: doc.context.partyName,
  };
  return (
    <Card size="small" title={label('section.openings')} className="doc-section">
      {template.openings.map((o, i) => (
        <div key={o.key} style={{ marginBottom: 12 }}>
          <div className="opening-q">
            <b>问：</b>
            {renderTemplateText(o.text, vars)}
          </div>
          <div style={{ display: 'flex', gap: 8 }}>
            <b style={{ paddingTop: 5 }}>答：</b>
            <div style={{ flex: 1 }}>
              <TextInput
                path={`openings.${i}.answer`}
                testId={`opening-${i}-answer`}
                placeholder={`记录${who}的回答`}
              />
            </div>
            {!readOnly && (
              <Button
                onClick={() =>
                  update(
                    (c) => setPath(c, `openings.${i}`, { key: o.key, answer: o.suggestedAnswer }),
                    `openings.${i}.answer`,
                  )
                }
              >
                填入「{o.suggestedAnswer}」
              </Button>
            )}
          </div>
        </div>
      ))}
    </Card>
  );
}
