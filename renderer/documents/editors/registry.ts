// The editor of each document type. A Record over every registered type, so the compiler refuses
// a type without its editor; each type's descriptor names its component here (`editor`), and
// core/documents/template-versions.test.ts checks that every label the component asks for is in
// every template version of its type. The renderer cannot be imported by shared/ or core/, so the
// descriptor names the editor and this module wires it.
import type { ComponentType } from 'react';
import type { DocumentType } from '../../../shared/documents/document-types.ts';
import { DeliveryEditor } from './DeliveryEditor.tsx';
import { DisposalEditor } from './DisposalEditor.tsx';
import { EvidenceEditor } from './EvidenceEditor.tsx';
import { InquiryEditor } from './InquiryEditor.tsx';
import { OnsiteEditor } from './OnsiteEditor.tsx';
import { PreservationEditor } from './PreservationEditor.tsx';
import { RectificationEditor } from './RectificationEditor.tsx';

/** An editor edits the open document through useEditor() (renderer/documents/editor-context.tsx). */
export type EditorComponent = ComponentType;

export const EDITORS: Record<DocumentType, EditorComponent> = {
  inquiry: InquiryEditor,
  onsite: OnsiteEditor,
  evidence: EvidenceEditor,
  preservation: PreservationEditor,
  rectification: RectificationEditor,
  disposal: DisposalEditor,
  delivery: DeliveryEditor,
};
